package io.feedlens.app.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker in this process: KRaft, one node acting as broker and controller, on 127.0.0.1.
 *
 * <p>Its data folder is kept between runs: the log is formatted once, and the ports of the last run are reused
 * when they are still free, so a saved profile pointing at the demo cluster keeps working.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final String PORTS_FILE = "feedlens-ports.properties";

    private final Path dataFolder;
    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final String clusterId;
    private final Duration startTime;
    private volatile boolean stopped;

    private EmbeddedKafka(Path dataFolder, KafkaRaftServer server, String bootstrapServers, String clusterId, Duration startTime) {
        this.dataFolder = dataFolder;
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.clusterId = clusterId;
        this.startTime = startTime;
    }

    /** Starts a broker whose log lives in {@code dataFolder} (created and formatted on first use). */
    public static EmbeddedKafka start(Path dataFolder) {
        return start(dataFolder, config -> { });
    }

    /**
     * Starts a broker whose configuration {@code adjust} may add to before it starts: further listeners, SASL and TLS
     * settings, an authorizer. The PLAINTEXT listener stays, and {@link #bootstrapServers()} names it.
     */
    public static EmbeddedKafka start(Path dataFolder, java.util.function.Consumer<Properties> adjust) {
        long began = System.nanoTime();
        try {
            Files.createDirectories(dataFolder);
            Ports ports = Ports.reuseOrPick(dataFolder.resolve(PORTS_FILE));
            Properties config = brokerConfig(dataFolder.resolve("log"), ports);
            adjust.accept(config);
            String clusterId = formatOnce(dataFolder, config);
            KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
            server.startup();
            ports.save(dataFolder.resolve(PORTS_FILE));
            String bootstrap = "127.0.0.1:" + ports.broker();
            Duration took = Duration.ofNanos(System.nanoTime() - began);
            log.info("Embedded Kafka broker {} ready at {} in {} ms (data in {})", clusterId, bootstrap, took.toMillis(), dataFolder);
            return new EmbeddedKafka(dataFolder, server, bootstrap, clusterId, took);
        } catch (IOException e) {
            throw new IllegalStateException("Could not prepare the demo cluster's data folder " + dataFolder + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (String.valueOf(e.getMessage()).contains("lock")) {
                throw new IllegalStateException("The demo cluster's data folder " + dataFolder
                        + " is in use by another FeedLens. Close it, or start this one with another --data-dir.", e);
            }
            throw e;
        }
    }

    private static Properties brokerConfig(Path logDir, Ports ports) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + ports.controller());
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + ports.broker() + ",CONTROLLER://127.0.0.1:" + ports.controller());
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + ports.broker());
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "3");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // A desktop demo should not hold gigabytes: a week or 1 GB per partition, whichever comes first.
        p.put("log.retention.hours", "168");
        p.put("log.retention.bytes", String.valueOf(1L << 30));
        p.put("log.segment.bytes", String.valueOf(64L << 20));
        return p;
    }

    /** Formats the log folder on first use and returns the cluster id either way. */
    private static String formatOnce(Path dataFolder, Properties config) throws IOException {
        Path logDir = Path.of(config.getProperty("log.dirs"));
        Path meta = logDir.resolve("meta.properties");
        if (Files.exists(meta)) {
            Properties existing = new Properties();
            try (Reader in = Files.newBufferedReader(meta)) {
                existing.load(in);
            }
            return existing.getProperty("cluster.id");
        }
        Path configFile = dataFolder.resolve("server.properties");
        try (Writer out = Files.newBufferedWriter(configFile)) {
            config.store(out, "Written by FeedLens for formatting the embedded demo cluster");
        }
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", configFile.toString()},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("Formatting the demo cluster's storage failed: " + output.toString(StandardCharsets.UTF_8));
        }
        return clusterId;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String clusterId() {
        return clusterId;
    }

    /** How long {@link #start} took, from the call to a broker that accepts clients. */
    public Duration startTime() {
        return startTime;
    }

    public Path dataFolder() {
        return dataFolder;
    }

    /** Stops the broker and waits until its log is closed, so the next start finds a clean folder. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        server.shutdown();
        server.awaitShutdown();
        log.info("Embedded Kafka broker at {} stopped", bootstrapServers);
    }

    /** The two ports the broker listens on; the last run's ones if nothing else took them meanwhile. */
    record Ports(int broker, int controller) {

        static Ports reuseOrPick(Path file) throws IOException {
            if (Files.exists(file)) {
                Properties saved = new Properties();
                try (Reader in = Files.newBufferedReader(file)) {
                    saved.load(in);
                }
                Ports previous = new Ports(Integer.parseInt(saved.getProperty("broker", "0")),
                        Integer.parseInt(saved.getProperty("controller", "0")));
                if (isFree(previous.broker()) && isFree(previous.controller())) {
                    return previous;
                }
            }
            int broker = freePort();
            int controller = freePort();
            while (controller == broker) {
                controller = freePort();
            }
            return new Ports(broker, controller);
        }

        void save(Path file) throws IOException {
            Properties p = new Properties();
            p.setProperty("broker", String.valueOf(broker));
            p.setProperty("controller", String.valueOf(controller));
            try (Writer out = Files.newBufferedWriter(file)) {
                p.store(out, "Ports of the embedded demo cluster's last run");
            }
        }

        private static boolean isFree(int port) {
            if (port <= 0) {
                return false;
            }
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
        }
    }
}
