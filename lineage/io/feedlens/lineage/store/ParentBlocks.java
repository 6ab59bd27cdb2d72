package io.feedlens.lineage.store;

import java.io.ByteArrayInputStream;
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
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * "Which features were derived from this event?" — the one question that looks a parent up — answered from one row
 * per written batch instead of one row (and one index entry) per parent. Features name ~2 parents per indexed
 * record on the demo feed, so per-parent rows were half of the index's B-tree entries and the largest index it
 * built after a catch-up (decision 11, schema 3).
 *
 * <p>A batch writes its links, in its records' order, into {@code parent_block} and a Bloom filter of the parent
 * hashes into {@code parent_bloom} (a table of its own, so a lookup reads the small filters and not the links), both
 * keyed by the batch's smallest feature key: unique, because each record is written once. Both rows belong to the
 * batch's transaction, so kill safety is the batch's. A lookup reads every filter (about 1.3 bytes per link) and the
 * links of the blocks whose filter says "maybe" (~1 % of the others), all of them: a block is small, so its links are
 * not sorted (sorting them was a tenth of the writer's time during a catch-up, and feature keys in order pack better).
 */
final class ParentBlocks {

    /** One feature record derived from the event with this id hash. */
    record Link(long parentHash, long featureKey) implements Comparable<Link> {
        @Override
        public int compareTo(Link other) {
            int byParent = Long.compare(parentHash, other.parentHash);
            return byParent != 0 ? byParent : Long.compare(featureKey, other.featureKey);
        }
    }

    private ParentBlocks() {
    }

    static final List<String> TABLES = List.of(
            "CREATE TABLE IF NOT EXISTS parent_block (first_key BIGINT PRIMARY KEY, links BYTEA NOT NULL)",
            "CREATE TABLE IF NOT EXISTS parent_bloom (first_key BIGINT PRIMARY KEY, bloom BYTEA NOT NULL)");

    /** Writes one block of links (in the caller's transaction); nothing when there are none. */
    static void write(Connection connection, List<Link> links) throws SQLException {
        if (links.isEmpty()) {
            return;
        }
        long first = links.stream().mapToLong(Link::featureKey).min().orElseThrow();
        try (PreparedStatement block = connection.prepareStatement("INSERT INTO parent_block (first_key, links) VALUES (?, ?)");
             PreparedStatement bloom = connection.prepareStatement("INSERT INTO parent_bloom (first_key, bloom) VALUES (?, ?)")) {
            block.setLong(1, first);
            block.setBytes(2, pack(links));
            block.executeUpdate();
            bloom.setLong(1, first);
            bloom.setBytes(2, BlockFilter.of(links.stream().mapToLong(Link::parentHash).toArray()));
            bloom.executeUpdate();
        }
    }

    /** The keys of the feature records that name a parent with this id hash, in key order. */
    static List<Long> featuresDerivedFrom(Connection connection, long parentHash) throws SQLException {
        List<Long> maybe = BlockFilter.blocksThatMayHold(connection, "parent_bloom", Set.of(parentHash));
        TreeSet<Long> features = new TreeSet<>();
        try (PreparedStatement block = connection.prepareStatement("SELECT links FROM parent_block WHERE first_key = ?")) {
            for (long first : maybe) {
                block.setLong(1, first);
                try (ResultSet rows = block.executeQuery()) {
                    while (rows.next()) {
                        unpack(rows.getBytes(1)).stream().filter(link -> link.parentHash() == parentHash)
                                .forEach(link -> features.add(link.featureKey()));
                    }
                }
            }
        }
        return new ArrayList<>(features);
    }

    /** Every link in the index, sorted: what two indexes must agree on, whichever batches wrote them. */
    static List<Link> all(Connection connection) throws SQLException {
        List<Link> links = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT links FROM parent_block")) {
            while (rows.next()) {
                links.addAll(unpack(rows.getBytes(1)));
            }
        }
        links.sort(null);
        return links;
    }

    /** Schema 2 → 3: the per-parent rows of {@code derived_from} become blocks of up to {@code perBlock} features. */
    static void convert(Connection connection, int perBlock) throws SQLException {
        BlockConversion.convert(connection, "derived_from", "SELECT parent_hash, feature_key FROM derived_from ORDER BY feature_key",
                List.of("parent_block", "parent_bloom"), perBlock, rows -> new Link(rows.getLong(1), rows.getLong(2)),
                Link::featureKey, ParentBlocks::write);
    }

    private static byte[] pack(List<Link> links) {
        Packed bytes = new Packed(4 + links.size() * 16);
        try (DataOutputStream out = new DataOutputStream(bytes.stream())) {
            out.writeInt(links.size());
            for (Link link : links) {
                out.writeLong(link.parentHash());
                out.writeLong(link.featureKey());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static List<Link> unpack(byte[] packed) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(packed))) {
            int count = in.readInt();
            List<Link> links = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                links.add(new Link(in.readLong(), in.readLong()));
            }
            return links;
        } catch (IOException e) {
            throw LineageStoreException.damaged("A block of parent links", e);
        }
    }
}
