package io.feedlens.app.decode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;

/** Avro payloads built with the Avro library itself, in the three framings FeedLens reads. */
final class AvroSamples {

    static final Schema PAYMENT = new Schema.Parser().parse("""
            {"type":"record","name":"Payment","namespace":"com.acme","fields":[
              {"name":"id","type":{"type":"string","logicalType":"uuid"}},
              {"name":"amount","type":{"type":"bytes","logicalType":"decimal","precision":12,"scale":2}},
              {"name":"at","type":{"type":"long","logicalType":"timestamp-millis"}},
              {"name":"at_micros","type":{"type":"long","logicalType":"timestamp-micros"}},
              {"name":"day","type":{"type":"int","logicalType":"date"}},
              {"name":"channel","type":{"type":"enum","name":"Channel","symbols":["WEB","POS","APP"]}},
              {"name":"note","type":["null","string"],"default":null},
              {"name":"tags","type":{"type":"array","items":"string"}},
              {"name":"limits","type":{"type":"map","values":"long"}},
              {"name":"digest","type":{"type":"fixed","name":"Digest","size":4}},
              {"name":"card","type":{"type":"record","name":"Card","fields":[{"name":"last4","type":"string"}]}}
            ]}""");

    /** The same record one version later: a new optional field, as the demo feed's midstream change. */
    static final Schema PAYMENT_V2 = new Schema.Parser().parse(PAYMENT.toString().replace(
            "{\"name\":\"card\"", "{\"name\":\"risk\",\"type\":[\"null\",\"double\"],\"default\":null},{\"name\":\"card\""));

    static final Instant AT = Instant.parse("2026-11-26T10:15:03.120Z");

    private AvroSamples() {
    }

    static GenericRecord payment() {
        GenericRecord card = new GenericData.Record(PAYMENT.getField("card").schema());
        card.put("last4", "4242");
        GenericRecord payment = new GenericData.Record(PAYMENT);
        payment.put("id", "0b7c7f4e-2c57-4f3e-9d7a-6f2b1c9d0e11");
        Schema amount = PAYMENT.getField("amount").schema();
        payment.put("amount", new Conversions.DecimalConversion().toBytes(new BigDecimal("5120.50"), amount, LogicalTypes.decimal(12, 2)));
        payment.put("at", AT.toEpochMilli());
        payment.put("at_micros", AT.toEpochMilli() * 1000 + 456);
        payment.put("day", (int) LocalDate.of(2026, 11, 26).toEpochDay());
        payment.put("channel", new GenericData.EnumSymbol(PAYMENT.getField("channel").schema(), "POS"));
        payment.put("note", "first of the day");
        payment.put("tags", List.of("card-present", "eu"));
        payment.put("limits", Map.of("daily", 10_000L));
        payment.put("digest", new GenericData.Fixed(PAYMENT.getField("digest").schema(), new byte[] {1, 2, 3, (byte) 0xff}));
        payment.put("card", card);
        return payment;
    }

    static byte[] plain(Schema schema, GenericRecord record) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Magic byte 0, the schema id big-endian, then the plain binary: the registry's wire format. */
    static byte[] registryFramed(int schemaId, Schema schema, GenericRecord record) {
        byte[] body = plain(schema, record);
        return ByteBuffer.allocate(5 + body.length).order(ByteOrder.BIG_ENDIAN).put((byte) 0).putInt(schemaId).put(body).array();
    }

    static byte[] singleObject(Schema schema, GenericRecord record) {
        try {
            ByteBuffer buffer = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema).encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
