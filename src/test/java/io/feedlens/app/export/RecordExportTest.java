package io.feedlens.app.export;

import io.feedlens.testing.ReadyTopics;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.decode.DecodedHeader;
import io.feedlens.app.decode.DecodedRecord;
import io.feedlens.app.decode.DecoderSettings;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.app.scan.ScanRequest;
import io.feedlens.app.search.RecordFilter;
import io.feedlens.lineage.RecordCoordinates;
import io.feedlens.testing.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@KafkaBroker
class RecordExportTest {

    private static final RecordDecoder DECODER = new RecordDecoder(DecoderSettings.automatic());

    @TempDir
    Path folder;

    @Test
    void csvQuotesCommasQuotesAndLineBreaks() throws Exception {
        DecodedRecord tricky = record("a,b", "he said \"hi\"\nthen left");
        Path file = folder.resolve("shown.csv");

        ExportResult result = RecordExport.records(List.of(tricky), file, ExportFormat.CSV).completion().get(10, TimeUnit.SECONDS);

        assertThat(result.complete()).isTrue();
        assertThat(result.written()).isEqualTo(1);
        String csv = Files.readString(file);
        assertThat(csv).startsWith("partition,offset,timestamp,key,value,format,problem,headers\r\n");
        assertThat(csv).contains("3,42,1970-01-01T00:00:01Z,\"a,b\",\"he said \"\"hi\"\"\nthen left\",text,,1\r\n");
    }

    @Test
    void jsonLinesHoldOneRecordJsonPerLine() throws Exception {
        Path file = folder.resolve("shown.jsonl");
        RecordExport.records(List.of(record("k1", "{\"amount\":5}"), record("k2", "x")), file, ExportFormat.JSON_LINES)
                .completion().get(10, TimeUnit.SECONDS);

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(new ObjectMapper().readTree(lines.get(0)).path("key").asText()).isEqualTo("k1");
        assertThat(lines.get(0)).isEqualTo(RecordJson.line(record("k1", "{\"amount\":5}")));
    }

    @Test
    void allMatchesOfASearchAreStreamedToTheFile(EmbeddedKafka broker) throws Exception {
        String topic = "export-" + UUID.randomUUID();
        Map<String, Object> client = Map.of("bootstrap.servers", broker.bootstrapServers());
        try (Admin admin = Admin.create(client)) {
            ReadyTopics.create(admin, List.of(new NewTopic(topic, 3, (short) 1)));
        }
        try (var producer = new KafkaProducer<>(client, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 3000; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + i, "{\"amount\":" + i + "}"));
            }
        }
        Path file = folder.resolve("all.csv");

        RecordExport export = RecordExport.allMatches(client, DECODER,
                ScanRequest.wholeTopic(topic, RecordFilter.of("value.amount >= 1000", null)), file, ExportFormat.CSV);
        ExportResult result = export.completion().get(30, TimeUnit.SECONDS);

        assertThat(result.complete()).isTrue();
        assertThat(result.written()).isEqualTo(2000);
        assertThat(export.scan().progress().scanned()).isEqualTo(3000);
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).hasSize(2001);
    }

    @Test
    void aCancelledExportKeepsWhatItWrote() throws Exception {
        List<DecodedRecord> many = java.util.stream.IntStream.range(0, 200_000).mapToObj(i -> record("k" + i, "v")).toList();
        RecordExport export = RecordExport.records(many, folder.resolve("many.jsonl"), ExportFormat.JSON_LINES);
        export.cancel();
        ExportResult result = export.completion().get(10, TimeUnit.SECONDS);
        assertThat(result.cancelled()).isTrue();
        assertThat(result.written()).isLessThan(200_000);
    }

    private static DecodedRecord record(String key, String value) {
        DecodedRecord shape = DECODER.decode(new org.apache.kafka.clients.consumer.ConsumerRecord<>("t", 3, 42,
                key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8)));
        return new DecodedRecord(new RecordCoordinates("t", 3, 42), 1000, "CreateTime", shape.key(), shape.value(),
                List.of(new DecodedHeader("ce_type", "x".getBytes(StandardCharsets.UTF_8))));
    }
}
