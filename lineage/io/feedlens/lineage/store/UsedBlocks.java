package io.feedlens.lineage.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The impact side of decisions' used lists — "which decisions used this feature version, or this feature record?" —
 * kept as one row per written batch and feature version instead of one row per used entry. A row per entry was two
 * B-tree entries (H2 keeps a composite primary key as a second tree) plus one in the feature-hash index: close to half
 * of what a catch-up wrote on the demo feed, for two questions only (decision 11, schema 5). A trace reads a
 * decision's used list from the decision's own row, not from here.
 *
 * <p>A batch writes its entries, grouped by feature version, into {@code used_block}, keyed by the batch's smallest
 * decision key (unique: each record is written once) and the version; and a {@link BlockFilter} of their feature
 * hashes into {@code used_bloom}. Both belong to the batch's transaction, so kill safety is the batch's. Impact of a
 * version reads that version's blocks; impact of a feature record reads every filter and the blocks they point at.
 */
final class UsedBlocks {

    private static final int FEATURE_HASH = 1;
    private static final int MODEL_ID = 1 << 1;
    private static final int MODEL_VERSION = 1 << 2;

    /**
     * One used entry as impact needs it: the decision's key, the entry's place in its list, the feature version
     * (0 for "not logged"), the feature's id hash when logged, and what the decision says of itself.
     */
    record Entry(long decisionKey, int pos, int viewId, int version, Long featureHash, long decisionHash, Integer modelId,
                 String modelVersion, long timeMs) {
    }

    static final List<String> TABLES = List.of(
            "CREATE TABLE IF NOT EXISTS used_block (first_key BIGINT NOT NULL, view_id INT NOT NULL, view_version INT NOT NULL,"
                    + " entries BYTEA NOT NULL, PRIMARY KEY (first_key, view_id, view_version))",
            // A few rows per batch: cheap to keep up to date during a load, unlike an entry per used feature.
            "CREATE INDEX IF NOT EXISTS used_block_version ON used_block (view_id, view_version)",
            "CREATE TABLE IF NOT EXISTS used_bloom (first_key BIGINT PRIMARY KEY, bloom BYTEA NOT NULL)");

    private UsedBlocks() {
    }

    /** Writes one batch's entries (in the caller's transaction); nothing when there are none. */
    static void write(Connection connection, List<Entry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        long first = entries.stream().mapToLong(Entry::decisionKey).min().orElseThrow();
        Map<List<Integer>, List<Entry>> byVersion = new LinkedHashMap<>();
        entries.forEach(entry -> byVersion.computeIfAbsent(List.of(entry.viewId(), entry.version()), v -> new ArrayList<>()).add(entry));
        try (PreparedStatement block = connection.prepareStatement(
                "INSERT INTO used_block (first_key, view_id, view_version, entries) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<List<Integer>, List<Entry>> version : byVersion.entrySet()) {
                block.setLong(1, first);
                block.setInt(2, version.getKey().get(0));
                block.setInt(3, version.getKey().get(1));
                block.setBytes(4, pack(version.getValue()));
                block.addBatch();
            }
            block.executeBatch();
        }
        long[] featureHashes = entries.stream().filter(entry -> entry.featureHash() != null).mapToLong(Entry::featureHash).toArray();
        if (featureHashes.length > 0) {
            try (PreparedStatement bloom = connection.prepareStatement("INSERT INTO used_bloom (first_key, bloom) VALUES (?, ?)")) {
                bloom.setLong(1, first);
                bloom.setBytes(2, BlockFilter.of(featureHashes));
                bloom.executeUpdate();
            }
        }
    }

    /** Every entry naming this feature version. */
    static List<Entry> ofVersion(Connection connection, int viewId, int version) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT entries, view_id, view_version FROM used_block WHERE view_id = ? AND view_version = ?")) {
            select.setInt(1, viewId);
            select.setInt(2, version);
            readBlocks(select, entries);
        }
        return entries;
    }

    /** Every entry naming a feature record with one of these id hashes. */
    static List<Entry> ofFeatures(Connection connection, Set<Long> featureHashes) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT entries, view_id, view_version FROM used_block WHERE first_key = ?")) {
            for (long first : BlockFilter.blocksThatMayHold(connection, "used_bloom", featureHashes)) {
                select.setLong(1, first);
                readBlocks(select, entries);
            }
        }
        entries.removeIf(entry -> entry.featureHash() == null || !featureHashes.contains(entry.featureHash()));
        return entries;
    }

    /** Every (view id, version) some entry names, the unlogged 0 left out. */
    static List<int[]> versions(Connection connection) throws SQLException {
        List<int[]> versions = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT DISTINCT view_id, view_version FROM used_block WHERE view_id <> 0 AND view_version <> 0")) {
            while (rows.next()) {
                versions.add(new int[] {rows.getInt(1), rows.getInt(2)});
            }
        }
        return versions;
    }

    /** Every entry in the index: what two indexes must agree on, whichever batches wrote them. */
    static List<Entry> all(Connection connection) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT entries, view_id, view_version FROM used_block")) {
            readBlocks(select, entries);
        }
        return entries;
    }

    /** Schema 4 → 5: the rows of {@code used_input} become blocks of up to {@code perBlock} decisions. */
    static void convert(Connection connection, int perBlock) throws SQLException {
        BlockConversion.convert(connection, "used_input", "SELECT decision_key, pos, view_id, view_version, feature_hash,"
                + " decision_hash, model_id, model_version, time_ms FROM used_input ORDER BY decision_key, pos",
                List.of("used_block", "used_bloom"), perBlock, rows -> new Entry(rows.getLong(1), rows.getInt(2), rows.getInt(3),
                        rows.getInt(4), rows.getObject(5, Long.class), rows.getLong(6), rows.getObject(7, Integer.class),
                        rows.getString(8), rows.getLong(9)), Entry::decisionKey, UsedBlocks::write);
    }

    private static void readBlocks(PreparedStatement select, List<Entry> into) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                unpack(rows.getBytes(1), rows.getInt(2), rows.getInt(3), into);
            }
        }
    }

    private static byte[] pack(List<Entry> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4 + entries.size() * 40);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(entries.size());
            for (Entry entry : entries) {
                out.writeLong(entry.decisionKey());
                out.writeShort(entry.pos());
                out.writeByte((entry.featureHash() == null ? 0 : FEATURE_HASH) | (entry.modelId() == null ? 0 : MODEL_ID)
                        | (entry.modelVersion() == null ? 0 : MODEL_VERSION));
                if (entry.featureHash() != null) {
                    out.writeLong(entry.featureHash());
                }
                out.writeLong(entry.decisionHash());
                if (entry.modelId() != null) {
                    out.writeInt(entry.modelId());
                }
                if (entry.modelVersion() != null) {
                    out.writeUTF(entry.modelVersion());
                }
                out.writeLong(entry.timeMs());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void unpack(byte[] packed, int viewId, int version, List<Entry> into) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(packed))) {
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                long decisionKey = in.readLong();
                int pos = in.readShort();
                int fields = in.readByte();
                Long featureHash = (fields & FEATURE_HASH) != 0 ? in.readLong() : null;
                long decisionHash = in.readLong();
                Integer modelId = (fields & MODEL_ID) != 0 ? in.readInt() : null;
                String modelVersion = (fields & MODEL_VERSION) != 0 ? in.readUTF() : null;
                into.add(new Entry(decisionKey, pos, viewId, version, featureHash, decisionHash, modelId, modelVersion, in.readLong()));
            }
        } catch (IOException e) {
            throw LineageStoreException.damaged("A block of used entries", e);
        }
    }
}
