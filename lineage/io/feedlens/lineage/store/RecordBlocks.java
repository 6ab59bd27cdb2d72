package io.feedlens.lineage.store;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import io.feedlens.lineage.model.Role;

/**
 * What the index keeps of each record, in one row per batch and partition instead of one row per record (decision
 * 11, schema 10). A row per record was an H2 entry to insert and to visit again at commit, with a dozen values to
 * convert: a third of the indexer's writer. A trace reads a handful of records, each from a block of a few hundred.
 *
 * <p>A block holds records of one partition, in offset order, keyed by its last record key; its first key is kept
 * beside it, so the block that may hold a key is the first whose last key is not below it. That holds because the
 * key ranges of blocks never overlap: a batch's records of a partition follow the last batch's, and a write that
 * does fall inside a stored block's range is merged with it ({@link #withOverlapping}). The counts of each role are
 * columns, so counting needs no decoding.
 */
final class RecordBlocks {

    /** Records of one partition per block at most: a block is decoded whole to read one record. */
    static final int MAX_RECORDS = 512;

    static final String TABLE = "CREATE TABLE IF NOT EXISTS record_block (last_key BIGINT PRIMARY KEY, first_key BIGINT NOT NULL,"
            + " events INT NOT NULL, features INT NOT NULL, decisions INT NOT NULL, records BYTEA NOT NULL)";

    /** The count column of each role, by {@link Role#ordinal()}, in the table's order. */
    private static final List<String> ROLE_COLUMNS = List.of("events", "features", "decisions");

    private static final int ENTITY = 1;
    private static final int VIEW = 1 << 1;
    private static final int MODEL_ID = 1 << 2;
    private static final int MODEL_VERSION = 1 << 3;
    private static final int VALUE = 1 << 4;
    private static final int EDGES = 1 << 5;

    private RecordBlocks() {
    }

    /** One record's row as the index stores it: names as the index's numbers, edges packed ({@link EdgeCodec}). */
    record Row(long key, Role role, String factId, int sourceId, String entity, long timeMs, Integer viewId, Integer viewVersion,
               Integer modelId, String modelVersion, Double value, long contentHash, byte[] edges) {
    }

    /**
     * Writes the rows (any order) as blocks, in the caller's transaction. A record the index holds already fails the
     * write as a duplicate primary key would (SQL state 23505): a record written twice is a fault to hear about.
     */
    static void write(Connection connection, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingLong(Row::key));
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO record_block (last_key, first_key, events, features, decisions, records) VALUES (?, ?, ?, ?, ?, ?)")) {
            int from = 0;
            for (int i = 1; i <= sorted.size(); i++) {
                if (i == sorted.size() || RecordKeys.partitionStart(sorted.get(i).key()) != RecordKeys.partitionStart(sorted.get(from).key())) {
                    List<Row> partition = withOverlapping(connection, sorted.subList(from, i));
                    for (int start = 0; start < partition.size(); start += MAX_RECORDS) {
                        addBlock(insert, partition.subList(start, Math.min(partition.size(), start + MAX_RECORDS)));
                    }
                    from = i;
                }
            }
            insert.executeBatch();
        }
    }

    /**
     * The rows of one partition, together with those of stored blocks whose key range overlaps theirs (deleted, to be
     * written again as one). A reader consumes a partition in order, so a batch starts past the blocks before it and
     * there are none; a writer of the store may still write any keys, and a block holds no key between its ends that
     * another block holds.
     */
    private static List<Row> withOverlapping(Connection connection, List<Row> rows) throws SQLException {
        long first = rows.get(0).key();
        long last = rows.get(rows.size() - 1).key();
        List<Row> merged = new ArrayList<>(rows);
        List<Long> overlapping = new ArrayList<>();
        try (PreparedStatement next = connection.prepareStatement(
                "SELECT last_key, first_key, records FROM record_block WHERE last_key >= ? ORDER BY last_key LIMIT 1")) {
            long from = first;
            while (true) {
                next.setLong(1, from);
                try (ResultSet block = next.executeQuery()) {
                    if (!block.next() || block.getLong(2) > last) {
                        break;
                    }
                    overlapping.add(block.getLong(1));
                    merged.addAll(unpack(block.getBytes(3)));
                    from = block.getLong(1) + 1;
                }
            }
        }
        if (overlapping.isEmpty()) {
            return rows;
        }
        merged.sort(Comparator.comparingLong(Row::key));
        for (int i = 1; i < merged.size(); i++) {
            if (merged.get(i).key() == merged.get(i - 1).key()) {
                throw new SQLException("Record " + RecordKeys.partition(merged.get(i).key()) + "@" + RecordKeys.offset(merged.get(i).key())
                        + " (topic id " + RecordKeys.topicId(merged.get(i).key()) + ") is in the index already", PositionWriter.DUPLICATE_KEY);
            }
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM record_block WHERE last_key = ?")) {
            for (long key : overlapping) {
                delete.setLong(1, key);
                delete.addBatch();
            }
            delete.executeBatch();
        }
        return merged;
    }

    private static void addBlock(PreparedStatement insert, List<Row> block) throws SQLException {
        int[] roles = new int[Role.values().length];
        block.forEach(row -> roles[row.role().ordinal()]++);
        insert.setLong(1, block.get(block.size() - 1).key());
        insert.setLong(2, block.get(0).key());
        for (int role = 0; role < roles.length; role++) {
            insert.setInt(3 + role, roles[role]);
        }
        insert.setBytes(6, pack(block));
        insert.addBatch();
    }

    /** The row of the record with this key, or null. */
    static Row at(Connection connection, long key) throws SQLException {
        List<Row> found = between(connection, key, key);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The rows with keys in [from, to] (of one partition), in key order. */
    static List<Row> between(Connection connection, long from, long to) throws SQLException {
        List<Row> found = new ArrayList<>();
        // The blocks whose last key lies in [from, to], then the one block after them, which may start at or before
        // `to`. Each query is ordered by the primary key and bounded, so H2 reads only those rows.
        try (PreparedStatement inside = connection.prepareStatement(
                "SELECT first_key, records FROM record_block WHERE last_key BETWEEN ? AND ? ORDER BY last_key");
             PreparedStatement next = connection.prepareStatement(
                     "SELECT first_key, records FROM record_block WHERE last_key > ? ORDER BY last_key LIMIT 1")) {
            inside.setLong(1, from);
            inside.setLong(2, to);
            next.setLong(1, to);
            for (PreparedStatement select : List.of(inside, next)) {
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        if (rows.getLong(1) > to) {
                            continue;
                        }
                        found.addAll(unpack(rows.getBytes(2), from, to));
                    }
                }
            }
        }
        return found;
    }

    /**
     * Rows of this role that pass {@code wanted}, up to {@code limit}, reading blocks in key order a few at a time
     * (H2 would otherwise gather every block of the result before the first) and skipping blocks without that role.
     */
    static List<Row> scan(Connection connection, Role role, Predicate<Row> wanted, int limit) throws SQLException {
        List<Row> found = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT last_key, records FROM record_block WHERE last_key > ? AND "
                + ROLE_COLUMNS.get(role.ordinal()) + " > 0 ORDER BY last_key LIMIT 64")) {
            long after = -1;
            boolean more = true;
            while (more && found.size() < limit) {
                select.setLong(1, after);
                more = false;
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        more = true;
                        after = rows.getLong(1);
                        for (Row row : unpack(rows.getBytes(2))) {
                            if (row.role() == role && found.size() < limit && wanted.test(row)) {
                                found.add(row);
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    /** Every row of the index, in key order: for checks that two indexes hold the same records. */
    static List<Row> all(Connection connection) throws SQLException {
        List<Row> all = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT records FROM record_block ORDER BY last_key")) {
            while (rows.next()) {
                all.addAll(unpack(rows.getBytes(1)));
            }
        }
        return all;
    }

    /** Records per role, indexed by {@link Role#ordinal()}, from the blocks' counts. */
    static long[] counts(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT " + String.join(", ", ROLE_COLUMNS.stream()
                     .map(column -> "COALESCE(SUM(" + column + "), 0)").toList()) + " FROM record_block")) {
            rows.next();
            long[] counts = new long[ROLE_COLUMNS.size()];
            for (int role = 0; role < counts.length; role++) {
                counts[role] = rows.getLong(role + 1);
            }
            return counts;
        }
    }

    /**
     * Schema 9 → 10: the rows of {@code lineage_record}, read in key order, become blocks. Emptied first: a process
     * killed half-way runs the step again from the start, and until the table is dropped its rows are the truth.
     */
    static void convert(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM record_block");
            List<Row> batch = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT rec_key, role, fact_id, source_id, entity, time_ms, view_id,"
                    + " view_version, model_id, model_version, fact_value, content_hash, edges FROM lineage_record ORDER BY rec_key")) {
                while (rows.next()) {
                    batch.add(new Row(rows.getLong(1), Role.values()[rows.getInt(2)], rows.getString(3), rows.getInt(4),
                            rows.getString(5), rows.getLong(6), rows.getObject(7, Integer.class), rows.getObject(8, Integer.class),
                            rows.getObject(9, Integer.class), rows.getString(10), rows.getObject(11, Double.class), rows.getLong(12),
                            rows.getBytes(13)));
                    if (batch.size() == 50 * MAX_RECORDS) {
                        write(connection, batch);
                        batch.clear();
                    }
                }
            }
            write(connection, batch);
        }
    }

    static byte[] pack(List<Row> rows) {
        Packed bytes = new Packed(rows.size() * 96);
        bytes.varLong(rows.size());
        long lastKey = 0;
        long lastTime = 0;
        for (Row row : rows) {
            bytes.varLong(row.key() - lastKey);
            lastKey = row.key();
            bytes.write(row.role().ordinal());
            int fields = (row.entity() != null ? ENTITY : 0) | (row.viewId() != null ? VIEW : 0)
                    | (row.modelId() != null ? MODEL_ID : 0) | (row.modelVersion() != null ? MODEL_VERSION : 0)
                    | (row.value() != null ? VALUE : 0) | (row.edges() != null ? EDGES : 0);
            bytes.write(fields);
            bytes.string(row.factId());
            bytes.varLong(row.sourceId());
            bytes.signedVarLong(row.timeMs() - lastTime);
            lastTime = row.timeMs();
            if (row.entity() != null) {
                bytes.string(row.entity());
            }
            if (row.viewId() != null) {
                bytes.varLong(row.viewId());
                bytes.signedVarLong(row.viewVersion() == null ? 0 : row.viewVersion());
            }
            if (row.modelId() != null) {
                bytes.varLong(row.modelId());
            }
            if (row.modelVersion() != null) {
                bytes.string(row.modelVersion());
            }
            if (row.value() != null) {
                bytes.fixedLong(Double.doubleToRawLongBits(row.value()));
            }
            bytes.fixedLong(row.contentHash());
            if (row.edges() != null) {
                bytes.varLong(row.edges().length);
                bytes.write(row.edges());
            }
        }
        return bytes.toByteArray();
    }

    static List<Row> unpack(byte[] packed) {
        return unpack(packed, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /**
     * The rows of a block with keys in [from, to]. The others are stepped over without making their strings: reading
     * one record of a block is most of what a trace does with it.
     */
    static List<Row> unpack(byte[] packed, long from, long to) {
        ByteBuffer in = ByteBuffer.wrap(packed);
        try {
            int count = (int) Packed.varLong(in);
            List<Row> rows = new ArrayList<>();
            long key = 0;
            long time = 0;
            for (int i = 0; i < count; i++) {
                key += Packed.varLong(in);
                if (key > to) {
                    break;
                }
                boolean wanted = key >= from;
                Role role = Role.values()[in.get()];
                int fields = in.get();
                String factId = Packed.string(in, wanted);
                int sourceId = (int) Packed.varLong(in);
                time += Packed.signedVarLong(in);
                String entity = (fields & ENTITY) != 0 ? Packed.string(in, wanted) : null;
                Integer viewId = null;
                Integer viewVersion = null;
                if ((fields & VIEW) != 0) {
                    viewId = (int) Packed.varLong(in);
                    viewVersion = (int) Packed.signedVarLong(in);
                }
                Integer modelId = (fields & MODEL_ID) != 0 ? (int) Packed.varLong(in) : null;
                String modelVersion = (fields & MODEL_VERSION) != 0 ? Packed.string(in, wanted) : null;
                Double value = (fields & VALUE) != 0 ? Double.longBitsToDouble(in.getLong()) : null;
                long contentHash = in.getLong();
                byte[] edges = null;
                if ((fields & EDGES) != 0) {
                    int length = (int) Packed.varLong(in);
                    if (wanted) {
                        edges = new byte[length];
                        in.get(edges);
                    } else {
                        in.position(in.position() + length);
                    }
                }
                if (wanted) {
                    rows.add(new Row(key, role, factId, sourceId, entity, time, viewId, viewVersion, modelId, modelVersion, value,
                            contentHash, edges));
                }
            }
            return rows;
        } catch (RuntimeException e) {
            throw LineageStoreException.damaged("A block of records", e);
        }
    }
}
