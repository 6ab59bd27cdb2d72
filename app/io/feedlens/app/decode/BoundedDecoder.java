package io.feedlens.app.decode;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.util.Utf8;

/**
 * Avro's binary decoder, but the lengths and counts a payload claims must fit in the bytes that are left. Avro
 * allocates what it reads before it finds the payload too short, so one corrupt varint in a 40-byte record made it
 * allocate a 64 MB string or an array of millions of slots (found by {@code DecoderRobustnessProperties}: 420 MB for
 * a 126-byte payload). Everything else is passed through unchanged.
 */
final class BoundedDecoder extends Decoder {

    private static final int ZERO_BYTE_ITEMS_ALLOWED = 1024;

    private BinaryDecoder in;

    /** Reads {@code in} from now on; one instance is reused per thread, like the binary decoder beneath. */
    BoundedDecoder reading(BinaryDecoder in) {
        this.in = in;
        return this;
    }

    BinaryDecoder binary() {
        return in;
    }

    @Override
    public Utf8 readString(Utf8 old) throws IOException {
        int length = checkedLength("string");
        Utf8 result = old != null ? old : new Utf8();
        result.setByteLength(length);
        in.readFixed(result.getBytes(), 0, length);
        return result;
    }

    @Override
    public String readString() throws IOException {
        return readString(null).toString();
    }

    @Override
    public ByteBuffer readBytes(ByteBuffer old) throws IOException {
        int length = checkedLength("bytes value");
        ByteBuffer result = old != null && length <= old.capacity() ? old.clear() : ByteBuffer.allocate(length);
        in.readFixed(result.array(), result.position(), length);
        result.limit(length);
        return result;
    }

    @Override
    public long readArrayStart() throws IOException {
        return checkedCount(in.readArrayStart());
    }

    @Override
    public long arrayNext() throws IOException {
        return checkedCount(in.arrayNext());
    }

    @Override
    public long readMapStart() throws IOException {
        return checkedCount(in.readMapStart());
    }

    @Override
    public long mapNext() throws IOException {
        return checkedCount(in.mapNext());
    }

    /**
     * Every map entry and nearly every array item takes at least one byte. Only items of no bytes at all (nulls,
     * empty records) can outnumber the bytes; a few of those are allowed, millions are a corrupt count.
     */
    private long checkedCount(long count) throws IOException {
        int left = in.inputStream().available();
        if (count > left + ZERO_BYTE_ITEMS_ALLOWED) {
            throw new IOException("a block claims " + count + " items where " + left + " bytes are left: a corrupt count");
        }
        return count;
    }

    private int checkedLength(String what) throws IOException {
        long length = in.readLong();
        int left = in.inputStream().available();
        if (length < 0 || length > left) {
            throw new IOException("a " + what + " claims " + length + " bytes where " + left + " are left: a corrupt length");
        }
        return (int) length;
    }

    // Pass-through from here on.

    @Override public void readNull() throws IOException { in.readNull(); }
    @Override public boolean readBoolean() throws IOException { return in.readBoolean(); }
    @Override public int readInt() throws IOException { return in.readInt(); }
    @Override public long readLong() throws IOException { return in.readLong(); }
    @Override public float readFloat() throws IOException { return in.readFloat(); }
    @Override public double readDouble() throws IOException { return in.readDouble(); }
    @Override public void skipString() throws IOException { in.skipString(); }
    @Override public void skipBytes() throws IOException { in.skipBytes(); }
    @Override public void readFixed(byte[] bytes, int start, int length) throws IOException { in.readFixed(bytes, start, length); }
    @Override public void skipFixed(int length) throws IOException { in.skipFixed(length); }
    @Override public int readEnum() throws IOException { return in.readEnum(); }
    @Override public long skipArray() throws IOException { return in.skipArray(); }
    @Override public long skipMap() throws IOException { return in.skipMap(); }
    @Override public int readIndex() throws IOException { return in.readIndex(); }
}
