package io.feedlens.app.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class HeaderNameTest {

    private static final HeaderName SCHEMA_ID = new HeaderName(RecordDecoder.VALUE_SCHEMA_ID_HEADER);

    /** A header as the consumer reads it: its name still bytes until someone asks for it. */
    private static RecordHeader read(byte[] name, String value) {
        return new RecordHeader(ByteBuffer.wrap(name), ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static RecordHeader read(String name, String value) {
        return read(name.getBytes(StandardCharsets.UTF_8), value);
    }

    @Test
    void namesAreComparedAsBytesOnThisKafkaClient() {
        assertThat(HeaderName.comparesBytes()).as("RecordHeader still keeps a read name as bytes (field keyBuffer)").isTrue();
    }

    @Test
    void theLastHeaderOfTheNameIsFoundAsKafkasLastHeaderFindsIt() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(read("ce_type", "attempted"));
        headers.add(read(RecordDecoder.VALUE_SCHEMA_ID_HEADER, "7"));
        headers.add(read("__value_schema_idx", "8"));
        headers.add(RecordDecoder.VALUE_SCHEMA_ID_HEADER, "9".getBytes(StandardCharsets.UTF_8));
        headers.add(read("__value_schema_i", "10"));

        assertThat(SCHEMA_ID.lastIn(headers)).isSameAs(headers.lastHeader(RecordDecoder.VALUE_SCHEMA_ID_HEADER));
        assertThat(new String(SCHEMA_ID.lastIn(headers).value(), StandardCharsets.UTF_8)).isEqualTo("9");
    }

    @Test
    void aNameThatIsNotValidUtf8OrAbsentFindsNothing() {
        byte[] broken = RecordDecoder.VALUE_SCHEMA_ID_HEADER.getBytes(StandardCharsets.UTF_8);
        broken[0] = (byte) 0xC3;
        RecordHeaders headers = new RecordHeaders();
        headers.add(read(broken, "7"));
        headers.add(read("ce_type", "attempted"));

        assertThat(SCHEMA_ID.lastIn(headers)).isNull();
        assertThat(SCHEMA_ID.lastIn(new RecordHeaders())).isNull();
        assertThat(SCHEMA_ID.lastIn(null)).isNull();
    }
}
