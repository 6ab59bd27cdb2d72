package io.feedlens.lineage.store;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes of a block as the index packs them: variable-length numbers (zig-zag for signed ones), 8-byte longs and
 * UTF-8 strings with their length. Written into a plain growing array: {@code ByteArrayOutputStream} takes a lock
 * for every byte, and a block is written a byte at a time. Layouts written with {@code DataOutputStream}'s fixed
 * widths (a record's edges, parent blocks) write into one through {@link #stream()}.
 */
final class Packed {

    private byte[] bytes;
    private int size;

    Packed(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    void write(int b) {
        if (size == bytes.length) {
            bytes = Arrays.copyOf(bytes, size * 2);
        }
        bytes[size++] = (byte) b;
    }

    void write(byte[] more) {
        write(more, 0, more.length);
    }

    void write(byte[] more, int from, int length) {
        if (size + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(size * 2, size + length));
        }
        System.arraycopy(more, from, bytes, size, length);
        size += length;
    }

    /**
     * These bytes as a stream to wrap in a {@code DataOutputStream}: the same bytes as through a
     * {@code ByteArrayOutputStream}, without its lock on each write ({@code writeInt} is four of them).
     */
    OutputStream stream() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                Packed.this.write(b);
            }

            @Override
            public void write(byte[] more, int from, int length) {
                Packed.this.write(more, from, length);
            }
        };
    }

    void varLong(long value) {
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            write((int) ((rest & 0x7F) | 0x80));
            rest >>>= 7;
        }
        write((int) rest);
    }

    void signedVarLong(long value) {
        varLong((value << 1) ^ (value >> 63));
    }

    void fixedLong(long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            write((int) (value >>> shift));
        }
    }

    void string(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        varLong(utf8.length);
        write(utf8);
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    static long varLong(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalStateException("a number longer than 10 bytes");
    }

    static long signedVarLong(ByteBuffer in) {
        long value = varLong(in);
        return (value >>> 1) ^ -(value & 1);
    }

    /** The string at the buffer's position, or null and stepped over when it is not {@code wanted}. */
    static String string(ByteBuffer in, boolean wanted) {
        int length = (int) varLong(in);
        String text = wanted ? new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8) : null;
        in.position(in.position() + length);
        return text;
    }
}
