package io.feedlens.app.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.Schema;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RecordDecoderTest {

    /** A registry with a fixed set of schemas; the HTTP client has its own tests against the stand-in server. */
    private static SchemaRegistry registryWith(Map<Integer, Schema> schemas) {
        return new SchemaRegistry() {
            @Override
            public Schema schemaById(int id) throws SchemaLookupException {
                Schema schema = schemas.get(id);
                if (schema == null) {
                    throw new SchemaLookupException("Schema id " + id + " is unknown to the registry at http://registry.test (40403)");
                }
                return schema;
            }

            @Override
            public String location() {
                return "http://registry.test";
            }
        };
    }

    private final RecordDecoder automatic = new RecordDecoder(DecoderSettings.automatic());

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Nested
    class TextAndNumbers {

        @Test
        void jsonBecomesATree() {
            Decoded decoded = automatic.decodeValue("t", utf8("{\"amount\": 5120.50, \"card\": \"card-42\"}"));

            assertThat(decoded.format()).isEqualTo(Format.JSON);
            assertThat(decoded.ok()).isTrue();
            assertThat(decoded.tree().path("amount").decimalValue()).isEqualByComparingTo("5120.50");
        }

        @Test
        void truncatedJsonKeepsItsTextAndSaysWhereItBreaks() {
            Decoded decoded = automatic.decodeValue("t", utf8("{\"amount\": 5120.50, \"card\": \"ca"));

            assertThat(decoded.format()).isEqualTo(Format.TEXT);
            assertThat(decoded.problem()).startsWith("Looks like JSON but is not valid").contains("line 1");
            assertThat(decoded.tree().textValue()).startsWith("{\"amount\"");
        }

        @Test
        void plainTextAndUuidsAreRecognised() {
            assertThat(automatic.decodeValue("t", utf8("card-42")).format()).isEqualTo(Format.TEXT);
            Decoded uuid = automatic.decodeValue("t", utf8("0B7C7F4E-2C57-4F3E-9D7A-6F2B1C9D0E11"));
            assertThat(uuid.format()).isEqualTo(Format.UUID);
            assertThat(uuid.tree().textValue()).isEqualTo("0b7c7f4e-2c57-4f3e-9d7a-6f2b1c9d0e11");
        }

        @Test
        void textStartingWithTheSingleObjectMarkerByteIsStillText() {
            Decoded decoded = automatic.decodeValue("t", utf8("Ãrvore de Natal")); // Ã is C3 83 in UTF-8

            assertThat(decoded.format()).isEqualTo(Format.TEXT);
            assertThat(decoded.tree().textValue()).isEqualTo("Ãrvore de Natal");
        }

        @Test
        void kafkaIntegerAndLongSerializationsAreNumbers() {
            Decoded integer = automatic.decodeValue("t", ByteBuffer.allocate(4).putInt(7).array());
            Decoded longValue = automatic.decodeValue("t", ByteBuffer.allocate(8).putLong(1_764_151_200_000L).array());

            assertThat(integer.format()).isEqualTo(Format.INT);
            assertThat(integer.tree().intValue()).isEqualTo(7);
            assertThat(longValue.format()).isEqualTo(Format.LONG);
            assertThat(longValue.tree().longValue()).isEqualTo(1_764_151_200_000L);
        }

        @Test
        void aTopicPinnedToDoubleReadsDoubles() {
            RecordDecoder decoder = new RecordDecoder(DecoderSettings.automatic().withValues("prices", TopicDecoding.pinned(Format.DOUBLE)));

            Decoded decoded = decoder.decodeValue("prices", ByteBuffer.allocate(8).putDouble(0.93).array());

            assertThat(decoded.format()).isEqualTo(Format.DOUBLE);
            assertThat(decoded.tree().doubleValue()).isEqualTo(0.93);
        }

        @Test
        void aPinnedFormatThatDoesNotFitSaysSo() {
            RecordDecoder decoder = new RecordDecoder(DecoderSettings.automatic().withValues("counts", TopicDecoding.pinned(Format.INT)));

            Decoded decoded = decoder.decodeValue("counts", utf8("seven"));

            assertThat(decoded.format()).isEqualTo(Format.BYTES);
            assertThat(decoded.problem()).isEqualTo("The topic is set to int, but: A int has 4 bytes, this payload has 5");
        }

        @Test
        void tombstonesAndMissingKeysAreNullNotErrors() {
            Decoded decoded = automatic.decodeValue("t", null);

            assertThat(decoded.format()).isEqualTo(Format.NULL);
            assertThat(decoded.ok()).isTrue();
            assertThat(decoded.tree().isNull()).isTrue();
        }

        @Test
        void invalidUtf8FallsBackToHexNamingTheBadByte() {
            byte[] bytes = {'c', 'a', 'r', 'd', (byte) 0xff, (byte) 0xfe, 'x', 'y', 'z'};

            Decoded decoded = automatic.decodeValue("t", bytes);

            assertThat(decoded.format()).isEqualTo(Format.BYTES);
            assertThat(decoded.problem()).contains("invalid UTF-8 at byte 4");
            assertThat(decoded.tree().path("hex").asText()).isEqualTo("63617264fffe78797a");
            assertThat(decoded.tree().path("base64").asText()).isEqualTo("Y2FyZP/+eHl6");
        }

        @Test
        void aTwentyMegabyteJsonValueDecodes() {
            byte[] big = utf8("{\"blob\":\"" + "x".repeat(20 << 20) + "\"}");

            Decoded decoded = automatic.decodeValue("t", big);

            assertThat(decoded.format()).isEqualTo(Format.JSON);
            assertThat(decoded.tree().path("blob").textValue()).hasSize(20 << 20);
            assertThat(decoded.preview(80)).hasSize(80).endsWith("…");
        }

        @Test
        void aValueOverTheDecodeLimitShowsItsFirstBytesAndSaysWhy() {
            RecordDecoder small = new RecordDecoder(DecoderSettings.automatic().withMaxDecodeBytes(1 << 20));
            byte[] big = new byte[3 << 20];
            Arrays.fill(big, (byte) 'x');

            Decoded decoded = small.decodeValue("t", big);

            assertThat(decoded.format()).isEqualTo(Format.BYTES);
            assertThat(decoded.problem()).isEqualTo("At 3.0 MB it is over the 1.0 MB decode limit: showing the first bytes only");
            assertThat(decoded.tree().path("truncated").booleanValue()).isTrue();
            assertThat(decoded.size()).isEqualTo(3 << 20);
        }
    }

    @Nested
    class Avro {

        private final RecordDecoder withRegistry = new RecordDecoder(DecoderSettings.automatic()
                .withRegistry(registryWith(Map.of(42, AvroSamples.PAYMENT))));

        @Test
        void registryFramedAvroShowsLogicalTypesAsPeopleReadThem() {
            Decoded decoded = withRegistry.decodeValue("payments", AvroSamples.registryFramed(42, AvroSamples.PAYMENT, AvroSamples.payment()));

            assertThat(decoded.format()).isEqualTo(Format.AVRO_REGISTRY);
            assertThat(decoded.schema()).hasToString("schema id 42 (com.acme.Payment)");
            JsonNode tree = decoded.tree();
            assertThat(tree.path("id").textValue()).isEqualTo("0b7c7f4e-2c57-4f3e-9d7a-6f2b1c9d0e11");
            assertThat(tree.path("amount").decimalValue()).isEqualByComparingTo("5120.50");
            assertThat(tree.path("at").textValue()).isEqualTo("2026-11-26T10:15:03.120Z");
            assertThat(tree.path("at_micros").textValue()).isEqualTo("2026-11-26T10:15:03.120456Z");
            assertThat(tree.path("day").textValue()).isEqualTo("2026-11-26");
            assertThat(tree.path("channel").textValue()).isEqualTo("POS");
            assertThat(tree.path("note").textValue()).isEqualTo("first of the day");
            assertThat(tree.path("tags").toString()).isEqualTo("[\"card-present\",\"eu\"]");
            assertThat(tree.path("limits").path("daily").longValue()).isEqualTo(10_000L);
            assertThat(tree.path("digest").textValue()).isEqualTo("010203ff");
            assertThat(tree.path("card").path("last4").textValue()).isEqualTo("4242");
        }

        @Test
        void anUnknownSchemaIdFallsBackToHexWithTheRegistrysAnswer() {
            Decoded decoded = withRegistry.decodeValue("payments", AvroSamples.registryFramed(7, AvroSamples.PAYMENT, AvroSamples.payment()));

            assertThat(decoded.format()).isEqualTo(Format.BYTES);
            assertThat(decoded.problem()).contains("Schema id 7 is unknown");
        }

        @Test
        void registryFramingWithoutARegistrySaysOneIsNeeded() {
            Decoded decoded = automatic.decodeValue("payments", AvroSamples.registryFramed(42, AvroSamples.PAYMENT, AvroSamples.payment()));

            assertThat(decoded.problem()).isEqualTo(
                    "Looks like the Schema Registry format (magic byte 0, schema id 42), but no schema registry is configured for this cluster");
        }

        @Test
        void truncatedAvroSaysItIsTruncated() {
            byte[] whole = AvroSamples.registryFramed(42, AvroSamples.PAYMENT, AvroSamples.payment());

            Decoded decoded = withRegistry.decodeValue("payments", Arrays.copyOf(whole, whole.length - 6));

            assertThat(decoded.format()).isEqualTo(Format.BYTES);
            assertThat(decoded.problem()).contains("schema id 42").contains("truncated");
        }

        @Test
        void schemaIdInAHeaderDecodesPlainBinary() {
            RecordHeaders headers = new RecordHeaders();
            headers.add(RecordDecoder.VALUE_SCHEMA_ID_HEADER, ByteBuffer.allocate(4).putInt(42).array());

            Decoded decoded = withRegistry.decodeValue("payments", AvroSamples.plain(AvroSamples.PAYMENT, AvroSamples.payment()), headers);

            assertThat(decoded.format()).isEqualTo(Format.AVRO_PLAIN);
            assertThat(decoded.schema().id()).isEqualTo("42");
            assertThat(decoded.tree().path("card").path("last4").textValue()).isEqualTo("4242");
        }

        @Test
        void singleObjectEncodingIsResolvedByFingerprintFromLocalSchemas() {
            RecordDecoder local = new RecordDecoder(DecoderSettings.automatic().withLocalSchemas(LocalSchemas.of(AvroSamples.PAYMENT)));

            Decoded decoded = local.decodeValue("payments", AvroSamples.singleObject(AvroSamples.PAYMENT, AvroSamples.payment()));

            assertThat(decoded.format()).isEqualTo(Format.AVRO_SINGLE_OBJECT);
            assertThat(decoded.schema().kind()).isEqualTo(SchemaRef.Kind.FINGERPRINT);
            assertThat(decoded.tree().path("amount").decimalValue()).isEqualByComparingTo("5120.50");
        }

        @Test
        void aReaderOfSomeFieldsGetsAnAvroTreeOfThoseFieldsOnly() {
            RecordDecoder local = new RecordDecoder(DecoderSettings.automatic().withLocalSchemas(LocalSchemas.of(AvroSamples.PAYMENT)));
            byte[] bytes = AvroSamples.singleObject(AvroSamples.PAYMENT, AvroSamples.payment());

            JsonNode some = local.decodeValue("payments", bytes).treeOf(Set.of("amount", "card", "absent"));

            assertThat(some.size()).isEqualTo(2);
            assertThat(some.path("amount").decimalValue()).isEqualByComparingTo("5120.50");
            assertThat(some.path("card").path("last4").textValue()).isEqualTo("4242");
            Decoded whole = local.decodeValue("payments", bytes);
            assertThat(whole.tree().size()).isEqualTo(11);
            assertThat(whole.treeOf(Set.of("amount")).size()).as("once the whole tree is built, every reader gets it").isEqualTo(11);
        }

        @Test
        void anUnknownFingerprintIsNamedInTheReason() {
            byte[] bytes = AvroSamples.singleObject(AvroSamples.PAYMENT, AvroSamples.payment());

            Decoded decoded = automatic.decodeValue("payments", bytes);

            String fingerprint = String.format("%016x", org.apache.avro.SchemaNormalization.parsingFingerprint64(AvroSamples.PAYMENT));
            assertThat(decoded.problem()).startsWith("Avro single-object record with fingerprint " + fingerprint)
                    .endsWith("but no local schema has that fingerprint (0 local schemas known)");
        }

        @Test
        void aWrongSecondMagicByteIsReportedAsSuch() {
            byte[] bytes = AvroSamples.singleObject(AvroSamples.PAYMENT, AvroSamples.payment());
            bytes[1] = 0x02;

            Decoded decoded = new RecordDecoder(DecoderSettings.automatic().withLocalSchemas(LocalSchemas.of(AvroSamples.PAYMENT)))
                    .decodeValue("payments", bytes);

            assertThat(decoded.format()).isEqualTo(Format.BYTES);
            assertThat(decoded.problem()).isEqualTo("Starts like Avro single-object encoding (C3), but the second magic byte is 0x02 instead of 0x01");
        }

        @Test
        void plainAvroUsesTheSchemaConfiguredForTheTopic() {
            RecordDecoder configured = new RecordDecoder(DecoderSettings.automatic()
                    .withValues("payments.plain", TopicDecoding.plainAvro(AvroSamples.PAYMENT)));

            Decoded decoded = configured.decodeValue("payments.plain", AvroSamples.plain(AvroSamples.PAYMENT, AvroSamples.payment()));

            assertThat(decoded.format()).isEqualTo(Format.AVRO_PLAIN);
            assertThat(decoded.schema()).hasToString("schema com.acme.Payment");
        }

        @Test
        void aReaderSchemaResolvesOldRecordsIntoTheNewShape() {
            RecordDecoder resolving = new RecordDecoder(DecoderSettings.automatic()
                    .withRegistry(registryWith(Map.of(42, AvroSamples.PAYMENT)))
                    .withValues("payments", TopicDecoding.AUTOMATIC.withReaderSchema(AvroSamples.PAYMENT_V2)));

            Decoded decoded = resolving.decodeValue("payments", AvroSamples.registryFramed(42, AvroSamples.PAYMENT, AvroSamples.payment()));

            assertThat(decoded.ok()).isTrue();
            assertThat(decoded.tree().has("risk")).isTrue();
            assertThat(decoded.tree().path("risk").isNull()).isTrue();
        }

        @Test
        void aValueThatReadsButCannotBeShownSaysSoInsteadOfThrowing() {
            Schema clock = new Schema.Parser().parse(
                    "{\"type\":\"record\",\"name\":\"Clock\",\"fields\":[{\"name\":\"at\",\"type\":{\"type\":\"int\",\"logicalType\":\"time-millis\"}}]}");
            org.apache.avro.generic.GenericRecord record = new org.apache.avro.generic.GenericData.Record(clock);
            record.put("at", 999_999_999);
            RecordDecoder configured = new RecordDecoder(DecoderSettings.automatic().withValues("clocks", TopicDecoding.plainAvro(clock)));

            Decoded decoded = configured.decodeValue("clocks", AvroSamples.plain(clock, record));

            assertThat(decoded.ok()).isTrue();
            assertThat(decoded.tree().path("at").isMissingNode()).isTrue();
            assertThat(decoded.tree().textValue()).startsWith("(could not be shown:");
        }

        @Test
        void theWrongSchemaForThePayloadIsAReasonNotACrash() {
            Schema other = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Tiny\",\"fields\":[{\"name\":\"n\",\"type\":\"int\"}]}");
            RecordDecoder wrong = new RecordDecoder(DecoderSettings.automatic().withValues("t", TopicDecoding.plainAvro(other)));

            Decoded decoded = wrong.decodeValue("t", AvroSamples.plain(AvroSamples.PAYMENT, AvroSamples.payment()));

            assertThat(decoded.format()).isEqualTo(Format.BYTES);
            assertThat(decoded.problem()).contains("schema Tiny");
        }
    }

    /** Found by DecoderRobustnessProperties: Avro allocated whatever a corrupt length or count claimed. */
    @Nested
    class CorruptAvroLengths {

        private final Schema tags = new Schema.Parser().parse(
                "{\"type\":\"record\",\"name\":\"Tags\",\"fields\":[{\"name\":\"tags\",\"type\":{\"type\":\"array\",\"items\":[\"null\",\"string\"]}}]}");
        private final RecordDecoder configured = new RecordDecoder(DecoderSettings.automatic().withValues("t", TopicDecoding.plainAvro(tags)));

        @Test
        void aStringLengthLongerThanThePayloadFailsTheRecordWithoutAllocatingIt() {
            byte[] bytes = AvroSamples.plain(AvroSamples.PAYMENT, AvroSamples.payment());
            byte[] huge = {(byte) 0xFE, (byte) 0xFF, (byte) 0xFF, (byte) 0x1F}; // 33,554,431 bytes, under Avro's 64 MB limit
            byte[] corrupt = concat(huge, Arrays.copyOfRange(bytes, 1, bytes.length));
            RecordDecoder plain = new RecordDecoder(DecoderSettings.automatic().withValues("t", TopicDecoding.plainAvro(AvroSamples.PAYMENT)));

            long before = allocated();
            Decoded decoded = plain.decodeValue("t", corrupt);

            assertThat(allocated() - before).isLessThan(1 << 20);
            assertThat(decoded.format()).isEqualTo(Format.BYTES);
            assertThat(decoded.problem()).contains("a string claims 33554431 bytes where").endsWith("are left: a corrupt length");
        }

        @Test
        void anItemCountFarBeyondThePayloadFailsTheRecordWithoutAllocatingIt() {
            byte[] corrupt = concat(zigzagVarint(5_000_000), new byte[] {2, 2, 'a', 0});

            long before = allocated();
            Decoded decoded = configured.decodeValue("t", corrupt);

            assertThat(allocated() - before).isLessThan(1 << 20);
            assertThat(decoded.problem()).contains("a block claims 5000000 items where 4 bytes are left: a corrupt count");
        }

        @Test
        void itemsOfNoBytesMayStillOutnumberTheBytes() {
            Schema nulls = new Schema.Parser().parse(
                    "{\"type\":\"record\",\"name\":\"Nulls\",\"fields\":[{\"name\":\"gaps\",\"type\":{\"type\":\"array\",\"items\":\"null\"}}]}");
            RecordDecoder decoder = new RecordDecoder(DecoderSettings.automatic().withValues("t", TopicDecoding.plainAvro(nulls)));

            Decoded decoded = decoder.decodeValue("t", concat(zigzagVarint(1000), new byte[] {0}));

            assertThat(decoded.ok()).as(decoded.problem()).isTrue();
            assertThat(decoded.tree().path("gaps").size()).isEqualTo(1000);
        }

        private static byte[] zigzagVarint(long value) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            long zigzag = (value << 1) ^ (value >> 63);
            while ((zigzag & ~0x7FL) != 0) {
                out.write((int) ((zigzag & 0x7F) | 0x80));
                zigzag >>>= 7;
            }
            out.write((int) zigzag);
            return out.toByteArray();
        }

        private static byte[] concat(byte[] first, byte[] second) {
            byte[] both = Arrays.copyOf(first, first.length + second.length);
            System.arraycopy(second, 0, both, first.length, second.length);
            return both;
        }

        private static long allocated() {
            return ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
        }
    }
}
