package io.feedlens.app.decode;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * A header name looked up in every record of a scan. Kafka's {@code Headers.lastHeader} turns the name of each header
 * it passes into a String ({@code RecordHeader.key()}); with the demo's eight CloudEvents headers that was a sixth of
 * a search's reading time, only to learn that no schema-id header is there. A header the consumer read still holds
 * its name as bytes, so the name is compared as bytes (decision 21). Where Kafka's class no longer has that field,
 * names are compared as Strings, as before.
 */
final class HeaderName {

    /** {@code RecordHeader.keyBuffer}: the name's UTF-8 bytes until {@code key()} decodes them; null afterwards. */
    private static final VarHandle KEY_BUFFER = keyBufferHandle();

    private final String name;
    private final byte[] utf8;

    HeaderName(String name) {
        this.name = name;
        this.utf8 = name.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether names are compared as bytes on this Kafka client (the test of that guards against a Kafka upgrade). */
    static boolean comparesBytes() {
        return KEY_BUFFER != null;
    }

    /** The last header of this name, as {@link Headers#lastHeader} finds it; null when there is none. */
    Header lastIn(Headers headers) {
        if (headers == null) {
            return null;
        }
        Header last = null;
        for (Header header : headers) {
            if (names(header)) {
                last = header;
            }
        }
        return last;
    }

    /**
     * Equal bytes mean an equal name: Kafka decodes a name with replacement characters, so bytes that are not valid
     * UTF-8 never decode to this (valid) name, and valid ones decode to it only when they are its encoding.
     */
    private boolean names(Header header) {
        ByteBuffer bytes = KEY_BUFFER != null && header instanceof RecordHeader ? (ByteBuffer) KEY_BUFFER.get(header) : null;
        if (bytes == null) {
            return name.equals(header.key());
        }
        if (bytes.remaining() != utf8.length) {
            return false;
        }
        int start = bytes.position();
        for (int i = 0; i < utf8.length; i++) {
            if (bytes.get(start + i) != utf8[i]) {
                return false;
            }
        }
        return true;
    }

    private static VarHandle keyBufferHandle() {
        try {
            return MethodHandles.privateLookupIn(RecordHeader.class, MethodHandles.lookup())
                    .findVarHandle(RecordHeader.class, "keyBuffer", ByteBuffer.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
