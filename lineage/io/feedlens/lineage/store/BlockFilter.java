package io.feedlens.lineage.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The Bloom filter a block of links keeps beside it (parent links, used entries): "may this block hold that id
 * hash?", answered from ~1.3 bytes per link, so a lookup reads the small filters and the few blocks they point at
 * instead of an index entry per link. 10 bits per hash and 7 probes: a false "maybe" for ~1 % of blocks.
 */
final class BlockFilter {

    private static final int BITS_PER_HASH = 10;
    private static final int PROBES = 7;

    private BlockFilter() {
    }

    static byte[] of(long[] hashes) {
        long[] bits = new long[Math.max(1, (hashes.length * BITS_PER_HASH + 63) / 64)];
        for (long hash : hashes) {
            long mixed = mix(hash);
            for (int probe = 0; probe < PROBES; probe++) {
                int bit = bitOf(mixed, probe, bits.length * 64);
                bits[bit >>> 6] |= 1L << bit;
            }
        }
        byte[] packed = new byte[bits.length * Long.BYTES];
        for (int i = 0; i < bits.length; i++) {
            for (int b = 0; b < Long.BYTES; b++) {
                packed[i * Long.BYTES + b] = (byte) (bits[i] >>> (8 * b));
            }
        }
        return packed;
    }

    static boolean mayContain(byte[] filter, long hash) {
        long mixed = mix(hash);
        int size = filter.length * 8;
        for (int probe = 0; probe < PROBES; probe++) {
            int bit = bitOf(mixed, probe, size);
            if ((filter[bit >>> 3] & (1 << (bit & 7))) == 0) {
                return false;
            }
        }
        return true;
    }

    /** The first keys of the blocks whose filter, in {@code table}, may hold one of these hashes. */
    static List<Long> blocksThatMayHold(Connection connection, String table, Set<Long> hashes) throws SQLException {
        List<Long> maybe = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT first_key, bloom FROM " + table)) {
            while (rows.next()) {
                byte[] filter = rows.getBytes(2);
                if (hashes.stream().anyMatch(hash -> BlockFilter.mayContain(filter, hash))) {
                    maybe.add(rows.getLong(1));
                }
            }
        }
        return maybe;
    }

    /** Double hashing on the two halves of a mixed hash (Kirsch–Mitzenmacher): probes enough for a Bloom filter. */
    private static int bitOf(long mixed, int probe, int size) {
        int combined = (int) mixed + probe * (int) (mixed >>> 32);
        return Math.floorMod(combined, size);
    }

    /** The ids' FNV hash spreads its low bits poorly; MurmurHash3's finaliser spreads every bit. */
    private static long mix(long hash) {
        long h = hash;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
