package io.feedlens.lineage.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

import io.feedlens.lineage.RecordCoordinates;
import io.feedlens.lineage.extract.ContentHash;
import io.feedlens.lineage.model.DerivedFrom;
import io.feedlens.lineage.model.IndexedRecord;
import io.feedlens.lineage.model.LineageFact;
import io.feedlens.lineage.model.SkippedRecord;
import io.feedlens.lineage.model.Used;

/** Writes one batch of rows with JDBC batches, inside the transaction the store opened. */
final class BatchWriter {

    private static final String INSERT_RECORD = "INSERT INTO lineage_record (rec_key, role, id_hash, fact_id, source_id, entity,"
            + " entity_hash, time_ms, view_id, view_version, model_id, model_version, fact_value, content_hash)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_USED = "INSERT INTO used_input (decision_key, pos, view_id, view_version, feature_hash,"
            + " feature_id, feature_key, logged_value, as_of_ms, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_PARENT = "INSERT INTO derived_from (feature_key, pos, kind, parent_hash, parent_id,"
            + " parent_key, window_to) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final Connection connection;
    private final NameTable topics;
    private final NameTable names;

    BatchWriter(Connection connection, NameTable topics, NameTable names) {
        this.connection = connection;
        this.topics = topics;
        this.names = names;
    }

    long keyOf(RecordCoordinates at) throws SQLException {
        return RecordKeys.pack(topics.idOf(connection, at.topic()), at.partition(), at.offset());
    }

    void write(List<IndexedRecord> records, List<SkippedRecord> skipped) throws SQLException {
        try (PreparedStatement facts = connection.prepareStatement(INSERT_RECORD);
             PreparedStatement used = connection.prepareStatement(INSERT_USED);
             PreparedStatement parents = connection.prepareStatement(INSERT_PARENT)) {
            for (IndexedRecord record : records) {
                long key = keyOf(record.fact().coordinates());
                addFact(facts, key, record.fact());
                addUsed(used, key, record.used());
                addParents(parents, key, record.derivedFrom());
            }
            facts.executeBatch();
            used.executeBatch();
            parents.executeBatch();
        }
        writeSkipped(skipped);
    }

    private void addFact(PreparedStatement insert, long key, LineageFact fact) throws SQLException {
        insert.setLong(1, key);
        insert.setShort(2, (short) fact.role().ordinal());
        insert.setLong(3, ContentHash.ofId(fact.id()));
        insert.setString(4, fact.id());
        insert.setInt(5, names.idOf(connection, fact.source()));
        insert.setString(6, fact.entity());
        setLong(insert, 7, fact.entity() == null ? null : ContentHash.ofId(fact.entity()));
        insert.setLong(8, fact.time().toEpochMilli());
        setInt(insert, 9, fact.feature() == null ? null : names.idOf(connection, fact.feature().view()));
        setInt(insert, 10, fact.feature() == null ? null : fact.feature().version());
        setInt(insert, 11, fact.modelId() == null ? null : names.idOf(connection, fact.modelId()));
        insert.setString(12, fact.modelVersion());
        setDouble(insert, 13, fact.value());
        insert.setLong(14, fact.contentHash());
        insert.addBatch();
    }

    private void addUsed(PreparedStatement insert, long decisionKey, List<Used> inputs) throws SQLException {
        for (int pos = 0; pos < inputs.size(); pos++) {
            Used input = inputs.get(pos);
            insert.setLong(1, decisionKey);
            insert.setShort(2, (short) pos);
            setInt(insert, 3, input.featureView() == null ? null : names.idOf(connection, input.featureView()));
            setInt(insert, 4, input.version());
            setLong(insert, 5, input.featureId() == null ? null : ContentHash.ofId(input.featureId()));
            insert.setString(6, input.featureId());
            setLong(insert, 7, input.ref() == null ? null : keyOf(input.ref()));
            setDouble(insert, 8, input.loggedValue());
            setLong(insert, 9, input.asOf() == null ? null : input.asOf().toEpochMilli());
            setInt(insert, 10, input.status() == null ? null : input.status().ordinal());
            insert.addBatch();
        }
    }

    private void addParents(PreparedStatement insert, long featureKey, List<DerivedFrom> parents) throws SQLException {
        for (int pos = 0; pos < parents.size(); pos++) {
            DerivedFrom parent = parents.get(pos);
            boolean byId = parent.kind() == DerivedFrom.Kind.BY_ID;
            insert.setLong(1, featureKey);
            insert.setShort(2, (short) pos);
            insert.setShort(3, (short) parent.kind().ordinal());
            setLong(insert, 4, byId ? ContentHash.ofId(parent.id()) : null);
            insert.setString(5, byId ? parent.id() : null);
            setLong(insert, 6, byId ? null : keyOf(parent.start()));
            setLong(insert, 7, byId ? null : parent.to());
            insert.addBatch();
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
