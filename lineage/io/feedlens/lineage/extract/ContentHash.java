package io.feedlens.lineage.extract;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hashes the index keeps. Fact ids are looked up by a 64-bit FNV-1a hash column rather than a string index:
 * DESIGN.md measured random strings indexed during a load at a tenth of the speed and twenty times the size.
 */
public final class ContentHash {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    /** What {@link #ofId} is divided by for a {@link #lookupHash}: 2^32. */
    public static final long LOOKUP_DIVISOR = 1L << 32;

    private ContentHash() {
    }

    /** FNV-1a over the UTF-16 chars: fast, stable across runs, and only used to narrow a lookup before comparing ids. */
    public static long ofId(String id) {
        long hash = FNV_OFFSET;
        for (int i = 0; i < id.length(); i++) {
            hash ^= id.charAt(i);
            hash *= FNV_PRIME;
        }
        return hash;
    }

    /**
     * The 32 high bits of {@link #ofId}, kept in a BIGINT column: the id and entity lookup columns and their index
     * entries are random, so they do not compress, and H2 writes a number this size in 5 bytes instead of 9 (~10 bytes
     * per indexed record). The lookups compare the text itself afterwards, so a collision costs a row read, never a
     * wrong answer. Division, not a shift, so SQL computes the same value from a stored {@code ofId} (schema 4).
     */
    public static long lookupHash(String id) {
        return ofId(id) / LOOKUP_DIVISOR;
    }

    /**
     * One digest per thread, reused: looking the algorithm up for each record was 3 % of the indexer's reading thread
     * ({@code digest} resets it after each use).
     */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    });

    /** The first 8 bytes of SHA-256: enough for a reviewer to tell whether a fetched payload is the one indexed. */
    public static long ofBytes(byte[] bytes) {
        byte[] digest = SHA_256.get().digest(bytes == null ? new byte[0] : bytes);
        return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
    }
}
