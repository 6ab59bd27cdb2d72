package io.feedlens.lineage.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.feedlens.lineage.RecordCoordinates;
import io.feedlens.lineage.extract.ContentHash;
import io.feedlens.lineage.model.DerivedFrom;
import io.feedlens.lineage.model.IndexedRecord;
import io.feedlens.lineage.model.LineageFact;
import io.feedlens.lineage.model.SkippedRecord;
import io.feedlens.lineage.model.Used;

/** Writes one batch inside the transaction the store opened, all of it as blocks: the records ({@link RecordBlocks}),
 * id and as-of lookup entries ({@link LookupRuns}; held in memory while catching up, {@link HeldLookups}), used entries
 * and parent links for impact. */
final class BatchWriter {

    private final Connection connection;
    private final NameTable topics;
    private final NameTable names;
    private final ModelViews modelViews;
    private final HeldLookups held;

    BatchWriter(Connection connection, NameTable topics, NameTable names, ModelViews modelViews, HeldLookups held) {
        this.connection = connection;
        this.held = held;
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
        List<RecordBlocks.Row> rows = new ArrayList<>(records.size());
        for (IndexedRecord record : records) {
            long key = keyOf(record.fact().coordinates());
            byte[] edges = record.used().isEmpty() ? EdgeCodec.parents(record.derivedFrom(), this::keyOf)
                    : EdgeCodec.used(record.used(), this::nameId, this::keyOf);
            rows.add(row(key, record.fact(), edges));
            ids.add(ContentHash.lookupHash(record.fact().id()), 0, key);
            addAsOf(asOf, key, record.fact());
            addUsed(used, key, record.fact(), record.used());
            addLinks(links, key, record.derivedFrom());
        }
        RecordBlocks.write(connection, rows);
        if (held.holding()) {
            held.hold(connection, ids.sorted(), asOf.sorted());
        } else {
            LookupRuns.write(connection, LookupRuns.Kind.ID, ids);
            LookupRuns.write(connection, LookupRuns.Kind.AS_OF, asOf);
        }
        UsedBlocks.write(connection, used);
        ParentBlocks.write(connection, links);
        writeSkipped(skipped);
    }

    private RecordBlocks.Row row(long key, LineageFact fact, byte[] edges) throws SQLException {
        return new RecordBlocks.Row(key, fact.role(), fact.id(), names.idOf(connection, fact.source()), fact.entity(),
                fact.time().toEpochMilli(), fact.feature() == null ? null : names.idOf(connection, fact.feature().view()),
                fact.feature() == null ? null : fact.feature().version(),
                fact.modelId() == null ? null : names.idOf(connection, fact.modelId()), fact.modelVersion(), fact.value(),
                fact.contentHash(), edges);
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
}
