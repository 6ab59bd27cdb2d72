package io.feedlens.lineage.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import io.feedlens.lineage.RecordCoordinates;
import io.feedlens.lineage.extract.ContentHash;
import io.feedlens.lineage.model.DerivedFrom;
import io.feedlens.lineage.model.IndexedRecord;
import io.feedlens.lineage.model.LineageFact;
import io.feedlens.lineage.model.SkippedRecord;
import io.feedlens.lineage.model.Used;

/** Writes one batch of rows with JDBC batches, inside the transaction the store opened: per record a row; blocks of
 * id and as-of lookup entries ({@link LookupRuns}); blocks of used entries and of parent links for impact. */
final class BatchWriter {

    private static final String INSERT_RECORD = "INSERT INTO lineage_record (rec_key, role, fact_id, source_id, entity,"
            + " time_ms, view_id, view_version, model_id, model_version, fact_value, content_hash, edges)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Connection connection;
    private final NameTable topics;
    private final NameTable names;
    private final ModelViews modelViews;

    BatchWriter(Connection connection, NameTable topics, NameTable names, ModelViews modelViews) {
        this.connection = connection;
        this.topics = topics;
        this.names = names;
        this.modelViews = modelViews;
    }

    long keyOf(RecordCoordinates at) throws SQLException {
        return RecordKeys.pack(topics.idOf(connection, at.topic()), at.partition(), at.offset());
    }

    private long nameId(String name) throws SQLException {
        return names.idOf(connection, name);
    }

    void write(List<IndexedRecord> records, List<SkippedRecord> skipped) throws SQLException {
        List<ParentBlocks.Link> links = new ArrayList<>();
        List<UsedBlocks.Entry> used = new ArrayList<>();
        LookupEntries.Builder ids = new LookupEntries.Builder();
        LookupEntries.Builder asOf = new LookupEntries.Builder();
        try (PreparedStatement facts = connection.prepareStatement(INSERT_RECORD)) {
            for (IndexedRecord record : records) {
                long key = keyOf(record.fact().coordinates());
                byte[] edges = record.used().isEmpty() ? EdgeCodec.parents(record.derivedFrom(), this::keyOf)
                        : EdgeCodec.used(record.used(), this::nameId, this::keyOf);
                addFact(facts, key, record.fact(), edges);
                ids.add(ContentHash.lookupHash(record.fact().id()), 0, key);
                addAsOf(asOf, key, record.fact());
                addUsed(used, key, record.fact(), record.used());
                addLinks(links, key, record.derivedFrom());
            }
            facts.executeBatch();
        }
        LookupRuns.write(connection, LookupRuns.Kind.ID, ids);
        LookupRuns.write(connection, LookupRuns.Kind.AS_OF, asOf);
        UsedBlocks.write(connection, used);
        ParentBlocks.write(connection, links);
        writeSkipped(skipped);
    }

    private void addFact(PreparedStatement insert, long key, LineageFact fact, byte[] edges) throws SQLException {
        insert.setLong(1, key);
        insert.setShort(2, (short) fact.role().ordinal());
        insert.setString(3, fact.id());
        insert.setInt(4, names.idOf(connection, fact.source()));
        insert.setString(5, fact.entity());
        insert.setLong(6, fact.time().toEpochMilli());
        setInt(insert, 7, fact.feature() == null ? null : names.idOf(connection, fact.feature().view()));
        setInt(insert, 8, fact.feature() == null ? null : fact.feature().version());
        setInt(insert, 9, fact.modelId() == null ? null : names.idOf(connection, fact.modelId()));
        insert.setString(10, fact.modelVersion());
        setDouble(insert, 11, fact.value());
        insert.setLong(12, fact.contentHash());
        insert.setBytes(13, edges);
        insert.addBatch();
    }

    /** The entry the as-of join finds a feature by; none for a record that has none (not a feature, or no entity). */
    private void addAsOf(LookupEntries.Builder entries, long key, LineageFact fact) throws SQLException {
        if (fact.feature() != null && fact.entity() != null) {
            entries.add(LookupRuns.viewEntity(names.idOf(connection, fact.feature().view()), ContentHash.lookupHash(fact.entity())),
                    fact.time().toEpochMilli(), key);
        }
    }

    /** The impact entries of a decision's used list; the trace reads the list from the decision's own row. */
    private void addUsed(List<UsedBlocks.Entry> entries, long decisionKey, LineageFact decision, List<Used> inputs) throws SQLException {
        Integer model = decision.modelId() == null ? null : names.idOf(connection, decision.modelId());
        long decisionHash = ContentHash.ofId(decision.id());
        for (int pos = 0; pos < inputs.size(); pos++) {
            Used input = inputs.get(pos);
            int view = input.featureView() == null ? 0 : names.idOf(connection, input.featureView());
            // 0 stands for "not logged", as in the used_input rows of schemas 2 to 4.
            entries.add(new UsedBlocks.Entry(decisionKey, pos, view, input.version() == null ? 0 : input.version(),
                    input.featureId() == null ? null : ContentHash.ofId(input.featureId()), decisionHash, model,
                    decision.modelVersion(), decision.time().toEpochMilli()));
            if (model != null && decision.modelVersion() != null && view != 0) {
                modelViews.note(connection, model, decision.modelVersion(), view);
            }
        }
    }

    /** Parents named by id, for the impact of an event; the trace reads all parents from the feature's own row. */
    private static void addLinks(List<ParentBlocks.Link> links, long featureKey, List<DerivedFrom> parents) {
        for (DerivedFrom parent : parents) {
            if (parent.kind() == DerivedFrom.Kind.BY_ID) {
                links.add(new ParentBlocks.Link(ContentHash.ofId(parent.id()), featureKey));
            }
        }
    }

    private void writeSkipped(List<SkippedRecord> skipped) throws SQLException {
        if (skipped.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO skipped_record (rec_key, reason) VALUES (?, ?)")) {
            for (SkippedRecord record : skipped) {
                insert.setLong(1, keyOf(record.coordinates()));
                String reason = record.reason();
                insert.setString(2, reason.length() > 1000 ? reason.substring(0, 999) + "…" : reason);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    static void setInt(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    private static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }
}
