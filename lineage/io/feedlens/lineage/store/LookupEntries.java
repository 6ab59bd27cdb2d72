package io.feedlens.lineage.store;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Lookup entries in order: a key to look by ({@code k1}: an id hash, or a feature view with an entity hash), a second
 * number to range over ({@code k2}: a time, or 0) and the record key it leads to; sorted by k1, then k2, then record
 * key. Packed for a page or a block: k1 as the distance from the entry before (sorted hashes lie close), k2 as the
 * distance from the entry before within the same k1, the record key in full; about 11 bytes an id entry.
 */
final class LookupEntries {

    final long[] k1;
    final long[] k2;
    final long[] keys;
    int size;

    LookupEntries(int capacity) {
        k1 = new long[capacity];
        k2 = new long[capacity];
        keys = new long[capacity];
    }

    /** Builds up entries in any order; {@link #sorted} puts them in order. */
    static final class Builder {
        private long[] k1 = new long[64];
        private long[] k2 = new long[64];
        private long[] keys = new long[64];
        private int size;

        void add(long first, long second, long key) {
            if (size == k1.length) {
                k1 = Arrays.copyOf(k1, size * 2);
                k2 = Arrays.copyOf(k2, size * 2);
                keys = Arrays.copyOf(keys, size * 2);
            }
            k1[size] = first;
            k2[size] = second;
            keys[size] = key;
            size++;
        }

        boolean isEmpty() {
            return size == 0;
        }

        /** The entries as added, for a caller that added them in order. */
        LookupEntries inOrder() {
            return copied(k1, k2, keys, 0, size, size);
        }

        void clear() {
            size = 0;
        }

        int size() {
            return size;
        }

        long lastFirst() {
            return k1[size - 1];
        }

        LookupEntries sorted() {
            int[] order = new int[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            sort(order, 0, size);
            LookupEntries entries = new LookupEntries(size);
            for (int i = 0; i < size; i++) {
                entries.add(k1[order[i]], k2[order[i]], keys[order[i]]);
            }
            return entries;
        }

        /**
         * Sorts positions [from, to) of {@code order} by their entries: a quicksort on primitives, because sorting boxed
         * positions with a comparator was a tenth of writing a batch (JFR, on the demo feed). Recurses into the smaller
         * side only.
         */
        private void sort(int[] order, int from, int to) {
            while (to - from > 16) {
                int pivot = order[(from + to) >>> 1];
                int i = from;
                int j = to - 1;
                while (i <= j) {
                    while (before(order[i], pivot)) {
                        i++;
                    }
                    while (before(pivot, order[j])) {
                        j--;
                    }
                    if (i <= j) {
                        int swapped = order[i];
                        order[i++] = order[j];
                        order[j--] = swapped;
                    }
                }
                if (j - from < to - i) {
                    sort(order, from, j + 1);
                    from = i;
                } else {
                    sort(order, i, to);
                    to = j + 1;
                }
            }
            for (int i = from + 1; i < to; i++) {
                int moving = order[i];
                int j = i - 1;
                for (; j >= from && before(moving, order[j]); j--) {
                    order[j + 1] = order[j];
                }
                order[j + 1] = moving;
            }
        }

        private boolean before(int a, int b) {
            return compare(k1[a], k2[a], keys[a], k1[b], k2[b], keys[b]) < 0;
        }
    }

    static int compare(long aFirst, long aSecond, long aKey, long bFirst, long bSecond, long bKey) {
        int byFirst = Long.compare(aFirst, bFirst);
        if (byFirst != 0) {
            return byFirst;
        }
        int bySecond = Long.compare(aSecond, bSecond);
        return bySecond != 0 ? bySecond : Long.compare(aKey, bKey);
    }

    void add(long first, long second, long key) {
        k1[size] = first;
        k2[size] = second;
        keys[size] = key;
        size++;
    }

    byte[] pack(int from, int to) {
        Packed bytes = new Packed(4 + (to - from) * 12);
        bytes.varLong(to - from);
        for (int i = from; i < to; i++) {
            boolean sameFirst = i > from && k1[i] == k1[i - 1];
            bytes.signedVarLong(i == from ? k1[i] : k1[i] - k1[i - 1]);
            bytes.signedVarLong(sameFirst ? k2[i] - k2[i - 1] : k2[i]);
            bytes.fixedLong(keys[i]);
        }
        return bytes.toByteArray();
    }

    /**
     * Adds the packed entries with this k1 and a k2 in [from, to] to {@code into}, reading only as far as k1: a lookup
     * reads half a block on average and makes no arrays. During a catch-up a lookup reads every block not yet merged
     * (up to {@link LookupRuns#CATCH_UP_FANOUT} of them), and unpacking each whole was most of a trace's time there.
     */
    static void collect(byte[] packed, long k1, long from, long to, Builder into) {
        read(packed, k1, (first, second, key) -> {
            if (first == k1 && second >= from && second <= to) {
                into.add(first, second, key);
            }
        });
    }

    /**
     * As {@link #collect(byte[], long, long, long, Builder)}, for the entries at [start, end), which are in order: a
     * binary search to the first entry of k1.
     */
    void collect(int start, int end, long first, long from, long to, Builder into) {
        int low = start;
        int high = end;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (k1[middle] < first) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        for (int i = low; i < end && k1[i] == first; i++) {
            if (k2[i] >= from && k2[i] <= to) {
                into.add(first, k2[i], keys[i]);
            }
        }
    }

    /** The entries at [start, end) as entries of their own. */
    LookupEntries slice(int start, int end) {
        return copied(k1, k2, keys, start, end, end - start);
    }

    /** These entries in arrays of a larger capacity. */
    LookupEntries copy(int capacity) {
        return copied(k1, k2, keys, 0, size, capacity);
    }

    /** The entries at [start, end) of these arrays, copied into arrays of {@code capacity}. */
    private static LookupEntries copied(long[] k1, long[] k2, long[] keys, int start, int end, int capacity) {
        LookupEntries copy = new LookupEntries(capacity);
        System.arraycopy(k1, start, copy.k1, 0, end - start);
        System.arraycopy(k2, start, copy.k2, 0, end - start);
        System.arraycopy(keys, start, copy.keys, 0, end - start);
        copy.size = end - start;
        return copy;
    }

    static LookupEntries unpack(byte[] packed) {
        LookupEntries entries;
        try {
            entries = new LookupEntries((int) Packed.varLong(ByteBuffer.wrap(packed)));
        } catch (RuntimeException e) {
            throw LineageStoreException.damaged("A block of lookup entries", e);
        }
        read(packed, Long.MAX_VALUE, entries::add);
        return entries;
    }

    /** Where {@link #read} puts each entry. */
    @FunctionalInterface
    private interface EntrySink {
        void add(long first, long second, long key);
    }

    /** Decodes packed entries in order, until the end or the first whose k1 is above {@code lastFirst}. */
    private static void read(byte[] packed, long lastFirst, EntrySink into) {
        ByteBuffer in = ByteBuffer.wrap(packed);
        try {
            int count = (int) Packed.varLong(in);
            long first = 0;
            long second = 0;
            for (int i = 0; i < count; i++) {
                long firstDelta = Packed.signedVarLong(in);
                long secondValue = Packed.signedVarLong(in);
                boolean sameFirst = i > 0 && firstDelta == 0;
                first = i == 0 ? firstDelta : first + firstDelta;
                if (first > lastFirst) {
                    return;
                }
                second = sameFirst ? second + secondValue : secondValue;
                into.add(first, second, in.getLong());
            }
        } catch (RuntimeException e) {
            throw LineageStoreException.damaged("A block of lookup entries", e);
        }
    }
}
