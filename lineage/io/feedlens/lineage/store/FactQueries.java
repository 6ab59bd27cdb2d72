package io.feedlens.lineage.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.feedlens.lineage.RecordCoordinates;
import io.feedlens.lineage.extract.ContentHash;
import io.feedlens.lineage.model.DerivedFrom;
import io.feedlens.lineage.model.FeatureVersion;
import io.feedlens.lineage.model.LineageFact;
import io.feedlens.lineage.model.Role;
import io.feedlens.lineage.model.SkippedRecord;
import io.feedlens.lineage.model.Used;

/** The read side of the index: the lookups a trace and an impact query are made of. Index-only, no payloads. */
public final class FactQueries {

    private static final String FACT_COLUMNS = "rec_key, role, fact_id, source_id, entity, time_ms, view_id, view_version,"
            + " model_id, model_version, fact_value, content_hash";

    private final Connection connection;
    private final NameTable topics;
    private final NameTable names;

    FactQueries(Connection connection, NameTable topics, NameTable names) {
        this.connection = connection;
        this.topics = topics;
        this.names = names;
    }

    /** Every copy of every fact with this id (any source, any role), in key order. */
    public List<StoredFact> withId(String id) {
        return facts("SELECT " + FACT_COLUMNS + " FROM lineage_record WHERE id_hash = ? ORDER BY rec_key",
                statement -> statement.setLong(1, ContentHash.lookupHash(id)))
                .stream().filter(f -> f.fact().id().equals(id)).toList();
    }

    public Optional<StoredFact> at(RecordCoordinates coordinates) {
        Optional<Integer> topic = topics.find(coordinates.topic());
        if (topic.isEmpty()) {
            return Optional.empty();
        }
        long key = RecordKeys.pack(topic.get(), coordinates.partition(), coordinates.offset());
        return facts("SELECT " + FACT_COLUMNS + " FROM lineage_record WHERE rec_key = ?", s -> s.setLong(1, key)).stream().findFirst();
    }

    /** Facts of a window {@code topic/partition@from-to}, both ends included. */
    public List<StoredFact> inWindow(String topic, int partition, long from, long to) {
        Optional<Integer> id = topics.find(topic);
        if (id.isEmpty()) {
            return List.of();
        }
        return facts("SELECT " + FACT_COLUMNS + " FROM lineage_record WHERE rec_key BETWEEN ? AND ? ORDER BY rec_key", s -> {
            s.setLong(1, RecordKeys.pack(id.get(), partition, from));
            s.setLong(2, RecordKeys.pack(id.get(), partition, to));
        });
    }

    /** The as-of join: the latest record of a view for an entity with a time in [notBefore, at]. */
    public Optional<StoredFact> latestFeature(String view, String entity, Instant at, Instant notBefore) {
        Optional<Integer> viewId = names.find(view);
        if (viewId.isEmpty() || entity == null) {
            return Optional.empty();
        }
        return facts("SELECT " + FACT_COLUMNS + " FROM lineage_record WHERE view_id = ? AND entity_hash = ? AND time_ms BETWEEN ? AND ?"
                + " ORDER BY time_ms DESC, rec_key DESC", s -> {
                    s.setInt(1, viewId.get());
                    s.setLong(2, ContentHash.lookupHash(entity));
                    s.setLong(3, notBefore.toEpochMilli());
                    s.setLong(4, at.toEpochMilli());
                }).stream().filter(f -> entity.equals(f.fact().entity())).findFirst();
    }

    /** The feature views that decisions of this model version logged in their used lists. */
    public List<String> viewsReadBy(String modelId, String modelVersion) {
        Optional<Integer> model = names.find(modelId);
        if (model.isEmpty()) {
            return List.of();
        }
        List<String> views = new ArrayList<>();
        query("SELECT view_id FROM model_view WHERE model_id = ? AND model_version = ?", s -> {
                    s.setInt(1, model.get());
                    s.setString(2, modelVersion);
                }, rows -> views.add(names.nameOf(rows.getInt(1))));
        return views.stream().sorted().toList();
    }

    /** A decision's used list, in logged order, from its own row; empty for a record that is not a decision. */
    public List<Used> usedBy(long decisionKey) {
        return EdgeCodec.used(edgesOf(decisionKey, Role.DECISION), names, topics);
    }

    /** A feature's parents, in the order its headers named them, from its own row; empty for a record that is not a feature. */
    public List<DerivedFrom> parentsOf(long featureKey) {
        return EdgeCodec.parents(edgesOf(featureKey, Role.FEATURE), topics);
    }

    /** The packed edges of a record of this role: a decision's are its used list, a feature's its parents. */
    private byte[] edgesOf(long key, Role role) {
        byte[][] edges = {null};
        query("SELECT edges FROM lineage_record WHERE rec_key = ? AND role = ?", s -> {
            s.setLong(1, key);
            s.setShort(2, (short) role.ordinal());
        }, rows -> edges[0] = rows.getBytes(1));
        return edges[0];
    }

    Optional<String> flagReason(FeatureVersion version) {
        List<String> reasons = new ArrayList<>();
        query("SELECT reason FROM flagged_version WHERE view_name = ? AND view_version = ?", s -> {
            s.setString(1, version.view());
            s.setInt(2, version.version());
        }, rows -> reasons.add(rows.getString(1)));
        return reasons.stream().findFirst();
    }

    List<SkippedRecord> skipped() {
        List<SkippedRecord> skipped = new ArrayList<>();
        query("SELECT rec_key, reason FROM skipped_record ORDER BY rec_key", s -> { },
                rows -> skipped.add(new SkippedRecord(RecordKeys.coordinates(rows.getLong(1), topics), rows.getString(2))));
        return skipped;
    }

    Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            counts.put(role.name().toLowerCase(java.util.Locale.ROOT), 0L);
        }
        query("SELECT role, COUNT(*) FROM lineage_record GROUP BY role", s -> { },
                rows -> counts.put(Role.values()[rows.getInt(1)].name().toLowerCase(java.util.Locale.ROOT), rows.getLong(2)));
        query("SELECT COUNT(*) FROM skipped_record", s -> { }, rows -> counts.put("skipped", rows.getLong(1)));
        return counts;
    }

    /** Decisions whose used list names this feature view version: per model version, distinct decision ids, time range. */
    public List<ModelVersionUse> decisionsUsing(FeatureVersion version) {
        Optional<Integer> view = names.find(version.view());
        if (view.isEmpty()) {
            return List.of();
        }
        return uses("view_id = ? AND view_version = ?", s -> {
            s.setInt(1, view.get());
            s.setInt(2, version.version());
        });
    }

    /** Decisions whose used list names this feature record by id. */
    public List<ModelVersionUse> decisionsUsingFeature(String featureId) {
        return uses("feature_hash = ?", s -> s.setLong(1, ContentHash.ofId(featureId)));
    }

    /**
     * Decisions that used a feature record derived from this event by {@code id:} (hashes only: a 64-bit collision is
     * the accepted risk). Parents named by coordinates or windows are not followed here yet.
     */
    public List<ModelVersionUse> decisionsUsingEvent(String eventId) {
        List<Long> featureHashes = new ArrayList<>();
        try {
            for (long featureKey : ParentBlocks.featuresDerivedFrom(connection, ContentHash.ofId(eventId))) {
                query("SELECT fact_id FROM lineage_record WHERE rec_key = ?", s -> s.setLong(1, featureKey),
                        rows -> featureHashes.add(ContentHash.ofId(rows.getString(1))));
            }
        } catch (SQLException e) {
            throw new LineageStoreException("Lineage index query failed: " + e.getMessage(), e);
        }
        if (featureHashes.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(featureHashes.size(), "?"));
        return uses("feature_hash IN (" + marks + ")", s -> {
            for (int i = 0; i < featureHashes.size(); i++) {
                s.setLong(i + 1, featureHashes.get(i));
            }
        });
    }

    /**
     * Every parent link named by id, as "parent id hash → feature topic/partition@offset", sorted: for checks that two
     * indexes hold the same links, whichever batches wrote them.
     */
    public List<String> parentLinks() {
        try {
            return ParentBlocks.all(connection).stream()
                    .map(link -> link.parentHash() + " → " + RecordKeys.coordinates(link.featureKey(), topics)).sorted().toList();
        } catch (SQLException e) {
            throw new LineageStoreException("Lineage index query failed: " + e.getMessage(), e);
        }
    }

    /**
     * Up to {@code limit} decision ids starting with {@code prefix}, for completion as a person types. Without an
     * index on the id text this stops at the first {@code limit} matches instead of sorting them all, so it stays
     * quick on big indexes; the caller sorts what it gets.
     */
    public List<String> decisionIdsStartingWith(String prefix, int limit) {
        List<String> ids = new ArrayList<>();
        String escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        query("SELECT fact_id FROM lineage_record WHERE role = ? AND fact_id LIKE ? ESCAPE '\\' LIMIT ?", s -> {
            s.setInt(1, Role.DECISION.ordinal());
            s.setString(2, escaped + "%");
            s.setInt(3, limit);
        }, rows -> ids.add(rows.getString(1)));
        return ids.stream().distinct().sorted().toList();
    }

    /** Every feature view version some decision's used list names, for picking one to assess. */
    public List<FeatureVersion> versionsUsed() {
        List<FeatureVersion> versions = new ArrayList<>();
        query("SELECT DISTINCT view_id, view_version FROM used_input WHERE view_id <> 0 AND view_version <> 0",
                s -> { }, rows -> versions.add(new FeatureVersion(names.nameOf(rows.getInt(1)), rows.getInt(2))));
        return versions.stream().sorted(java.util.Comparator.comparing(FeatureVersion::view).thenComparing(FeatureVersion::version)).toList();
    }

    /** The decisions (up to {@code limit}) whose used list names this version, by model version, then time. */
    public List<DecisionUse> decisionListUsing(FeatureVersion version, int limit) {
        Optional<Integer> view = names.find(version.view());
        if (view.isEmpty()) {
            return List.of();
        }
        List<DecisionUse> decisions = new ArrayList<>();
        query("SELECT DISTINCT d.fact_id, d.time_ms, d.model_id, d.model_version FROM used_input u"
                + " JOIN lineage_record d ON d.rec_key = u.decision_key WHERE u.view_id = ? AND u.view_version = ?"
                + " ORDER BY d.model_id, d.model_version, d.time_ms, d.fact_id LIMIT ?", s -> {
                    s.setInt(1, view.get());
                    s.setInt(2, version.version());
                    s.setInt(3, limit);
                }, rows -> decisions.add(new DecisionUse(rows.getString(1), Instant.ofEpochMilli(rows.getLong(2)),
                        nameOrNull(rows, 3), rows.getString(4))));
        return decisions;
    }

    private List<ModelVersionUse> uses(String condition, Binder binder) {
        List<ModelVersionUse> uses = new ArrayList<>();
        // One table, no join: used_input carries its decision's model, time and id hash (decision 11).
        query("SELECT model_id, model_version, COUNT(DISTINCT decision_hash), MIN(time_ms), MAX(time_ms) FROM used_input"
                + " WHERE " + condition + " GROUP BY model_id, model_version ORDER BY model_id, model_version",
                binder, rows -> uses.add(new ModelVersionUse(nameOrNull(rows, 1), rows.getString(2), rows.getLong(3),
                        Instant.ofEpochMilli(rows.getLong(4)), Instant.ofEpochMilli(rows.getLong(5)))));
        return uses;
    }

    private List<StoredFact> facts(String sql, Binder binder) {
        List<StoredFact> facts = new ArrayList<>();
        query(sql, binder, rows -> facts.add(fact(rows)));
        return facts;
    }

    private StoredFact fact(ResultSet rows) throws SQLException {
        long key = rows.getLong(1);
        String view = nameOrNull(rows, 7);
        LineageFact fact = new LineageFact(Role.values()[rows.getInt(2)], RecordKeys.coordinates(key, topics),
                names.nameOf(rows.getInt(4)), rows.getString(3), rows.getString(5), Instant.ofEpochMilli(rows.getLong(6)),
                view == null ? null : new FeatureVersion(view, rows.getInt(8)), nameOrNull(rows, 9), rows.getString(10),
                rows.getObject(11) == null ? null : rows.getDouble(11), rows.getLong(12));
        return new StoredFact(key, fact);
    }

    private String nameOrNull(ResultSet rows, int column) throws SQLException {
        return rows.getObject(column) == null ? null : names.nameOf(rows.getInt(column));
    }

    private void query(String sql, Binder binder, RowReader reader) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new LineageStoreException("Lineage index query failed: " + e.getMessage(), e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }
}
