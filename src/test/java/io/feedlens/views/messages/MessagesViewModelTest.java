package io.feedlens.views.messages;

import io.feedlens.testing.ReadyTopics;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.decode.DecodedRecord;
import io.feedlens.app.decode.DecoderSettings;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.app.scan.ScanRequest;
import io.feedlens.app.scan.StartAt;
import io.feedlens.app.search.RecordFilter;
import io.feedlens.testing.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The Messages tab's state and commands, without the JavaFX toolkit: the UI executor runs work where it is handed over. */
@KafkaBroker
class MessagesViewModelTest {

    private static final RecordDecoder DECODER = new RecordDecoder(DecoderSettings.automatic());

    private static MessagesViewModel model(MessageSource source) {
        MessagesViewModel model = new MessagesViewModel(() -> source, Runnable::run);
        model.useZone(ZoneOffset.UTC);
        model.topicProperty().set("payments");
        return model;
    }

    /** A view model of the Messages tab on {@code topic} of the test broker. */
    private MessagesViewModel modelOn(EmbeddedKafka broker, String topic) {
        MessagesViewModel model = model(new MessageSource(Map.of("bootstrap.servers", broker.bootstrapServers()), DECODER));
        model.topicProperty().set(topic);
        return model;
    }

    @Test
    void eachModeMapsToTheScanRequestItDescribes() {
        MessagesViewModel model = model(null);
        model.newestCountProperty().set(50);
        model.partitionProperty().set(2);
        model.readCommittedProperty().set(true);
        ScanRequest newest = model.scanRequest(RecordFilter.all());
        assertThat(newest.start()).isEqualTo(new StartAt.Newest(50));
        assertThat(newest.partitions()).containsExactly(2);
        assertThat(newest.readCommitted()).isTrue();
        assertThat(newest.maxMatches()).as("the table bounds what is shown, the scan counts on").isZero();

        model.modeProperty().set(BrowseMode.FROM_OFFSET);
        model.fromOffsetProperty().set("1,500");
        assertThat(model.scanRequest(RecordFilter.all()).start()).isEqualTo(new StartAt.Offset(1500));

        model.modeProperty().set(BrowseMode.BETWEEN_TIMES);
        model.fromTimeProperty().set("2026-11-26 07:00");
        model.untilTimeProperty().set("2026-11-26T08:00:00Z");
        ScanRequest between = model.scanRequest(RecordFilter.all());
        assertThat(between.start()).isEqualTo(new StartAt.Time(Instant.parse("2026-11-26T07:00:00Z")));
        assertThat(between.until()).isEqualTo(Instant.parse("2026-11-26T08:00:00Z"));
    }

    @Test
    void aBadFilterSaysWhereBeforeAnythingStarts() {
        MessagesViewModel model = model(new MessageSource(Map.of("bootstrap.servers", "127.0.0.1:1"), DECODER));
        model.filterProperty().set("value.amount > ");

        assertThat(model.start()).isFalse();

        assertThat(model.formProblemProperty().get()).contains("column 16");
        assertThat(model.runningProperty().get()).isFalse();
    }

    @Test
    void aBadOffsetOrTimeIsSaidInWords() {
        MessagesViewModel model = model(null);
        model.modeProperty().set(BrowseMode.FROM_OFFSET);
        model.fromOffsetProperty().set("soon");
        assertThat(model.start()).isFalse();
        assertThat(model.formProblemProperty().get()).isEqualTo("The offset must be a whole number, 0 or more.");

        model.modeProperty().set(BrowseMode.FROM_TIME);
        model.fromTimeProperty().set("yesterday");
        model.start();
        assertThat(model.formProblemProperty().get()).contains("is not a time");
    }

    @Test
    void theTableHoldsAtMostItsBoundWhileTheScanCountsEveryMatch(EmbeddedKafka broker) throws Exception {
        String topic = "vm-bound-" + UUID.randomUUID();
        write(broker, topic, 2500);
        MessagesViewModel model = modelOn(broker, topic);
        model.maxRowsProperty().set(1000);
        model.modeProperty().set(BrowseMode.FROM_OFFSET);
        model.filterProperty().set("value.n >= 500");

        assertThat(model.start()).isTrue();
        waitFor(() -> !model.runningProperty().get());

        assertThat(model.rows()).hasSize(1000);
        assertThat(model.shownTextProperty().get()).isEqualTo("showing first 1,000 of 2,000 matches");
        assertThat(model.figuresProperty().get()).startsWith("scanned 2,500 · matched 2,000");
        assertThat(model.problemProperty().get()).isEmpty();
    }

    @Test
    void newestNMergesPartitionsByTimeAndKeepsN(EmbeddedKafka broker) throws Exception {
        String topic = "vm-newest-" + UUID.randomUUID();
        write(broker, topic, 300);
        MessagesViewModel model = modelOn(broker, topic);
        model.newestCountProperty().set(10);

        model.start();
        waitFor(() -> !model.runningProperty().get());

        assertThat(model.rows()).extracting(r -> r.value().tree().path("n").asInt())
                .containsExactly(299, 298, 297, 296, 295, 294, 293, 292, 291, 290);
    }

    @Test
    void aLiveTailKeepsTheNewestRowsWithinTheBound() {
        MatchQueue queue = new MatchQueue(3, true);
        queue.offer(List.of(record(1), record(2), record(3), record(4), record(5)));
        assertThat(queue.takeAll()).extracting(r -> r.coordinates().offset()).containsExactly(3L, 4L, 5L);

        MatchQueue search = new MatchQueue(3, false);
        search.offer(List.of(record(1), record(2)));
        search.takeAll();
        search.offer(List.of(record(3), record(4)));
        assertThat(search.takeAll()).extracting(r -> r.coordinates().offset()).containsExactly(3L);
    }

    @Test
    void aLiveTailTableShowsTheNewestRowsInArrivalOrder(EmbeddedKafka broker) throws Exception {
        String topic = "vm-tail-" + UUID.randomUUID();
        write(broker, topic, 0);
        MessagesViewModel model = modelOn(broker, topic);
        model.maxRowsProperty().set(4);
        model.modeProperty().set(BrowseMode.LIVE_TAIL);
        assertThat(model.start()).isTrue();
        Thread.sleep(1_500);

        // One record at a time and then a burst: the table drops its oldest rows as the newest come, or all of them.
        for (int n = 0; n < 6; n++) {
            int sent = n;
            send(broker, topic, sent, sent + 1);
            waitFor(() -> drained(model) > 0 && lastN(model) == sent);
        }
        send(broker, topic, 6, 20);
        waitFor(() -> drained(model) > 0 && lastN(model) == 19);
        model.stop();

        assertThat(model.rows()).extracting(r -> r.value().tree().path("n").asInt()).containsExactly(16, 17, 18, 19);
    }

    private static int drained(MessagesViewModel model) {
        model.drain();
        return model.rows().size();
    }

    private static int lastN(MessagesViewModel model) {
        return model.rows().get(model.rows().size() - 1).value().tree().path("n").asInt();
    }

    /** Records {"n": from} … {"n": to - 1} to partition 0 of an existing topic. */
    private static void send(EmbeddedKafka broker, String topic, int from, int to) {
        Map<String, Object> client = Map.of("bootstrap.servers", broker.bootstrapServers());
        try (var producer = new KafkaProducer<>(client, new StringSerializer(), new StringSerializer())) {
            for (int n = from; n < to; n++) {
                producer.send(new ProducerRecord<>(topic, 0, System.currentTimeMillis() - 60_000, "k" + n, "{\"n\":" + n + "}"));
            }
        }
    }

    @Test
    void shownTextSaysHowRowsRelateToMatches() {
        assertThat(MessagesViewModel.shownText(BrowseMode.FROM_OFFSET, 10_000, 123_456)).isEqualTo("showing first 10,000 of 123,456 matches");
        assertThat(MessagesViewModel.shownText(BrowseMode.LIVE_TAIL, 10_000, 20_000)).isEqualTo("showing newest 10,000 of 20,000 matches");
        assertThat(MessagesViewModel.shownText(BrowseMode.FROM_TIME, 1, 1)).isEqualTo("1 match");
    }

    @Test
    void aValueOverOneMegabyteShowsAPreviewUntilLoadedInFull() throws Exception {
        RecordDetailViewModel detail = model(null).detail();
        String big = "{\"blob\":\"" + "x".repeat(1_200_000) + "\"}";
        DecodedRecord record = DECODER.decode(new ConsumerRecord<>("t", 0, 7L, "k".getBytes(StandardCharsets.UTF_8),
                big.getBytes(StandardCharsets.UTF_8)));

        detail.show(record);

        assertThat(detail.largeValueProperty().get()).isTrue();
        assertThat(detail.valueTextProperty().get()).hasSizeLessThan(70_000).contains("this is a preview");
        assertThat(detail.coordinatesProperty().get()).isEqualTo("t/0@7");
        detail.loadFullValue();
        waitFor(() -> !detail.largeValueProperty().get());
        assertThat(detail.valueTextProperty().get()).hasSizeGreaterThan(1_200_000).contains("\"blob\" : ");
    }

    private static DecodedRecord record(long offset) {
        return DECODER.decode(new ConsumerRecord<>("t", 0, offset, "k".getBytes(StandardCharsets.UTF_8), "v".getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code count} records over 3 partitions, {"n": i}, timestamps increasing with n. */
    static void write(EmbeddedKafka broker, String topic, int count) throws Exception {
        Map<String, Object> client = Map.of("bootstrap.servers", broker.bootstrapServers());
        try (Admin admin = Admin.create(client)) {
            ReadyTopics.create(admin, List.of(new NewTopic(topic, 3, (short) 1)));
        }
        long first = System.currentTimeMillis() - 3_600_000;
        try (var producer = new KafkaProducer<>(client, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, i % 3, first + i, "k" + i, "{\"n\":" + i + "}"));
            }
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 20 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
