package io.feedlens.views.messages;

import io.feedlens.testing.ReadyTopics;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.decode.DecodedRecord;
import io.feedlens.app.decode.DecoderSettings;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.testing.KafkaBroker;
import io.feedlens.views.FxStallProbe;
import io.feedlens.views.FxThread;
import io.feedlens.views.Workbench;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The FX thread keeps painting while a 100k-record search and a live tail at a few thousand records/s pour matches in:
 * the table stays within its bound and the worst gap between pulses stays small (a generous bound here; the figure is printed).
 */
@KafkaBroker
@ExtendWith(ApplicationExtension.class)
class MessagesResponsivenessTest {

    private static final RecordDecoder DECODER = new RecordDecoder(DecoderSettings.automatic());
    private static final int RECORDS = 100_000;

    private final String topic = "messages-load-" + UUID.randomUUID().toString().substring(0, 8);
    private final FxStallProbe probe = new FxStallProbe();
    private final AtomicInteger largestTable = new AtomicInteger();
    private MessagesViewModel model;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void aBigSearchAndAFastLiveTailLeaveTheFxThreadFreeAndTheTableBounded(FxRobot robot, EmbeddedKafka broker) throws Exception {
        Map<String, Object> client = Map.of("bootstrap.servers", broker.bootstrapServers());
        writeQuickly(client, RECORDS);
        showMessages(robot, new MessageSource(client, DECODER));
        // As in the window, the tab opens with the newest 100: the table's first cells are made then.
        robot.interact(() -> {
            probe.start();
            model.start();
        });
        MessagesScreenTest.waitUntil(() -> !model.runningProperty().get());
        double openingGap = probe.worstGapMillis();

        robot.interact(() -> {
            model.modeProperty().set(BrowseMode.FROM_OFFSET);
            probe.start();
            model.start();
        });
        MessagesScreenTest.waitUntil(() -> !model.runningProperty().get());
        robot.interact(() -> { });
        assertThat(model.figuresProperty().get()).startsWith("scanned 100,000 · matched 100,000");
        assertThat(model.shownTextProperty().get()).isEqualTo("showing first 10,000 of 100,000 matches");
        assertThat(model.rows()).hasSize(10_000);
        assertThat(largestTable.get()).isLessThanOrEqualTo(10_000);
        double searchGap = probe.worstGapMillis();

        int tailed = tailWhileWriting(robot, client, 3_000, 3);
        assertThat(largestTable.get()).isLessThanOrEqualTo(10_000);
        assertThat(model.rows()).hasSize(2_000);
        assertThat(model.figuresProperty().get()).startsWith(String.format("scanned %,d · matched %,d", tailed, tailed));
        double worst = probe.worstGapMillis();
        double worstBusy = probe.worstGapBusyMillis();
        robot.interact(probe::stop);
        System.out.printf("FX stall probe: worst gap %.1f ms (FX thread at work %.1f ms of it) over a %,d-record search (%.1f ms)"
                + " and a live tail of %,d records; %.1f ms while the tab first filled%n", worst, worstBusy, RECORDS, searchGap, tailed,
                openingGap);
        // The part the FX thread worked says whose the stall was: ours (styling, layout) or the machine's (no core for it).
        assertThat(worst).as("worst FX pulse gap in ms, the FX thread at work %.1f ms of it", worstBusy).isLessThan(500);
    }

    private void showMessages(FxRobot robot, MessageSource source) {
        robot.interact(() -> {
            model = new MessagesViewModel(() -> source, FxThread.INSTANCE);
            model.topicProperty().set(topic);
            model.rows().addListener((ListChangeListener<DecodedRecord>) change ->
                    largestTable.accumulateAndGet(change.getList().size(), Math::max));
            Scene scene = new Scene(new MessagesView(model), 1280, 800);
            Workbench.dress(scene);
            stage.setScene(scene);
            stage.show();
        });
    }

    /** Starts a live tail with a 2,000-row table, writes {@code perSecond} records/s for {@code seconds}, and stops the tail. */
    private int tailWhileWriting(FxRobot robot, Map<String, Object> client, int perSecond, int seconds) throws Exception {
        robot.interact(() -> {
            model.maxRowsProperty().set(2_000);
            model.modeProperty().set(BrowseMode.LIVE_TAIL);
            model.start();
        });
        Thread.sleep(2_000); // the tail has taken the end offsets
        int total = perSecond * seconds;
        try (var producer = new KafkaProducer<>(producerConfig(client), new StringSerializer(), new StringSerializer())) {
            int tick = perSecond / 10;
            for (int sent = 0; sent < total; sent += tick) {
                long began = System.nanoTime();
                for (int i = sent; i < sent + tick; i++) {
                    producer.send(new ProducerRecord<>(topic, "k" + i, "{\"n\":" + i + "}"));
                }
                Thread.sleep(Math.max(0, 100 - (System.nanoTime() - began) / 1_000_000));
            }
        }
        String expected = String.format("scanned %,d", total);
        MessagesScreenTest.waitUntil(() -> model.figuresProperty().get().startsWith(expected));
        robot.interact(model::stop);
        MessagesScreenTest.waitUntil(() -> !model.runningProperty().get());
        robot.interact(() -> { });
        return total;
    }

    private void writeQuickly(Map<String, Object> client, int count) throws Exception {
        try (Admin admin = Admin.create(client)) {
            ReadyTopics.create(admin, List.of(new NewTopic(topic, 3, (short) 1)));
        }
        try (var producer = new KafkaProducer<>(producerConfig(client), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + i, "{\"n\":" + i + ",\"card\":\"card-" + (i % 997) + "\"}"));
            }
        }
    }

    private static Map<String, Object> producerConfig(Map<String, Object> client) {
        Map<String, Object> config = new java.util.HashMap<>(client);
        config.put("linger.ms", 10);
        config.put("batch.size", 256 * 1024);
        config.put("acks", "1");
        return config;
    }
}
