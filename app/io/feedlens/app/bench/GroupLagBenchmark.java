package io.feedlens.app.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.groups.ConsumerGroups;
import io.feedlens.app.groups.GroupsSnapshot;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A full consumer-group lag refresh (lag in records and in time, status) for many groups on a wide topic, against
 * the bare batched Admin calls it cannot do without (list, describe, committed offsets, topic names, log ends),
 * timed in the same run on the in-process broker. The groups have committed offsets but no live consumers.
 */
public final class GroupLagBenchmark implements Benchmark {

    private static final String TOPIC = "bench.group-lag";

    private final int runs;
    private final int groups;
    private final int partitions;
    private final int recordsPerPartition;

    public GroupLagBenchmark(int runs) {
        this(runs, 200, 50, 1_000);
    }

    public GroupLagBenchmark(int runs, int groups, int partitions, int recordsPerPartition) {
        this.runs = runs;
        this.groups = groups;
        this.partitions = partitions;
        this.recordsPerPartition = recordsPerPartition;
    }

    @Override
    public String name() {
        return "group-lag";
    }

    @Override
    public String description() {
        return "Lag refresh of " + groups + " groups x " + partitions + " partitions vs the bare batched Admin calls.";
    }

    @Override
    public BenchResult run(PrintWriter out) throws Exception {
        Path folder = Files.createTempDirectory("feedlens-bench-groups");
        try (EmbeddedKafka broker = EmbeddedKafka.start(folder);
             Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()))) {
            Map<String, Object> client = Map.of("bootstrap.servers", broker.bootstrapServers());
            setUp(admin, client);
            out.printf("set up: topic of %d partitions x %,d records, %d groups with committed offsets spread over it%n",
                    partitions, recordsPerPartition, groups);
            bareAdminCalls(admin);
            fullRefresh(admin, client); // warm-up: class loading and JIT before the clock runs
            List<Double> baseline = new ArrayList<>();
            List<Double> cold = new ArrayList<>();
            List<Double> warm = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                baseline.add(bareAdminCalls(admin));
                double[] refresh = fullRefresh(admin, client);
                cold.add(refresh[0]);
                warm.add(refresh[1]);
                out.printf("run %d: bare Admin calls %.0f ms, full refresh %.0f ms (record times cached: %.0f ms)%n",
                        run, baseline.get(run - 1), cold.get(run - 1), warm.get(run - 1));
                out.flush();
            }
            out.printf("median: bare Admin calls %.0f ms, full refresh %.0f ms, refresh with cached record times %.0f ms%n",
                    BrokerStartBenchmark.median(baseline), BrokerStartBenchmark.median(cold), BrokerStartBenchmark.median(warm));
            return new BenchResult(name(), "full refresh, fresh service (median)", BrokerStartBenchmark.median(cold),
                    "bare batched Admin calls (median)", BrokerStartBenchmark.median(baseline), "ms");
        } finally {
            BrokerStartBenchmark.deleteQuietly(folder);
        }
    }

    private void setUp(Admin admin, Map<String, Object> client) throws Exception {
        admin.createTopics(List.of(new NewTopic(TOPIC, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(TOPIC, p), OffsetSpec.latest());
        }
        awaitLeaders(admin, latest);
        long first = Instant.now().minusSeconds(recordsPerPartition).toEpochMilli();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(client, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < recordsPerPartition; i++) {
                for (int p = 0; p < partitions; p++) {
                    producer.send(new ProducerRecord<>(TOPIC, p, first + i * 1000L, null, ("event-" + i).getBytes()));
                }
            }
        }
        for (int g = 0; g < groups; g++) {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                // Spread over the whole partition, so record times are needed at many distinct offsets.
                offsets.put(new TopicPartition(TOPIC, p), new OffsetAndMetadata((g * 37L + p * 11L) % recordsPerPartition));
            }
            admin.alterConsumerGroupOffsets(groupName(g), offsets).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** Right after creation the metadata may not know the topic yet; every leader must answer before producing. */
    public static void awaitLeaders(Admin admin, Map<TopicPartition, OffsetSpec> partitions) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                admin.listOffsets(partitions).all().get(30, TimeUnit.SECONDS);
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private static String groupName(int g) {
        return String.format("bench-group-%03d", g);
    }

    /** The calls a refresh cannot avoid, one of each kind, for all groups and partitions at once. */
    private static double bareAdminCalls(Admin admin) throws Exception {
        long began = System.nanoTime();
        List<String> ids = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get().stream()
                .map(listing -> listing.groupId()).toList();
        admin.listTopics().names().get();
        var described = admin.describeConsumerGroups(ids).all();
        Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
        ids.forEach(id -> specs.put(id, new ListConsumerGroupOffsetsSpec()));
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = admin.listConsumerGroupOffsets(specs).all().get();
        described.get();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.values().forEach(offsets -> offsets.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest())));
        admin.listOffsets(latest).all().get();
        return (System.nanoTime() - began) / 1e6;
    }

    /** Milliseconds of a refresh by a fresh service (no cached record times), then of a second refresh by it. */
    private double[] fullRefresh(Admin admin, Map<String, Object> client) {
        long began = System.nanoTime();
        try (ConsumerGroups service = new ConsumerGroups(admin, client, Clock.systemUTC())) {
            GroupsSnapshot snapshot = service.refreshNow();
            double cold = (System.nanoTime() - began) / 1e6;
            check(snapshot);
            began = System.nanoTime();
            check(service.refreshNow());
            return new double[]{cold, (System.nanoTime() - began) / 1e6};
        }
    }

    /** A fast refresh that lost figures would be no result: every lagging partition must have its lag in time. */
    private void check(GroupsSnapshot snapshot) {
        long partitionsShown = snapshot.groups().stream().mapToLong(g -> g.partitions().size()).sum();
        long withoutTime = snapshot.groups().stream().flatMap(g -> g.partitions().stream())
                .filter(p -> p.lag() != null && p.lag() > 0 && p.lagTime() == null).count();
        if (snapshot.groups().size() != groups || partitionsShown != (long) groups * partitions || withoutTime > 0) {
            throw new IllegalStateException("Refresh incomplete: " + snapshot.groups().size() + " groups, "
                    + partitionsShown + " partitions, " + withoutTime + " lagging partitions without lag in time");
        }
    }
}
