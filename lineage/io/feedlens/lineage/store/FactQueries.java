package io.feedlens.lineage.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /** Model id, then model version, nothing first: the order SQL gave these lists before they were read from blocks. */
    private static final Comparator<UsedBlocks.Entry> BY_MODEL_VERSION = Comparator
            .comparing(UsedBlocks.Entry::modelId, Comparator.nullsFirst(Comparator.<Integer>naturalOrder()))
            .thenComparing(UsedBlocks.Entry::modelVersion, Comparator.nullsFirst(Comparator.<String>naturalOrder()));

    private final Connection connection;
    private final NameTable topics;
    private final NameTable names;
    private final HeldLookups held;

    FactQueries(Connection connection, NameTable topics, NameTable names, HeldLookups held) {
        this.connection = connection;
        this.held = held;
        this.topics = topics;
        this.names = names;
    }

    /** Every copy of every fact with this id (any source, any role), in key order. */
    public List<StoredFact> withId(String id) {
        LookupEntries found = lookup(LookupRuns.Kind.ID, ContentHash.lookupHash(id), 0, 0);
        List<StoredFact> facts = new ArrayList<>();
        for (int i = 0; i < found.size; i++) {
            if (i == 0 || found.keys[i] != found.keys[i - 1]) {
                at(found.keys[i]).filter(f -> f.fact().id().equals(id)).ifPresent(facts::add);
            }
        }
        return facts;
    }

    private LookupEntries lookup(LookupRuns.Kind kind, long k1, long from, long to) {
        LookupEntries.Builder found = new LookupEntries.Builder();
        held.collect(kind, k1, from, to, found);
        return read(() -> LookupRuns.find(connection, kind, k1, from, to, found));
    }

    private Optional<StoredFact> at(long key) {
        return row(key).map(this::fact);
    }

    private Optional<RecordBlocks.Row> row(long key) {
        return Optional.ofNullable(read(() -> RecordBlocks.at(connection, key)));
    }

    public Optional<StoredFact> at(RecordCoordinates coordinates) {
        Optional<Integer> topic = topics.find(coordinates.topic());
        if (topic.isEmpty()) {
            return Optional.empty();
        }
        return at(RecordKeys.pack(topic.get(), coordinates.partition(), coordinates.offset()));
    }

    /** Facts of a window {@code topic/partition@from-to}, both ends included. */
    public List<StoredFact> inWindow(String topic, int partition, long from, long to) {
        Optional<Integer> id = topics.find(topic);
        if (id.isEmpty()) {
            return List.of();
        }
        return read(() -> RecordBlocks.between(connection, RecordKeys.pack(id.get(), partition, from),
                RecordKeys.pack(id.get(), partition, to))).stream().map(this::fact).toList();
    }

    /** The as-of join: the latest record of a view for an entity with a time in [notBefore, at]. */
    public Optional<StoredFact> latestFeature(String view, String entity, Instant at, Instant notBefore) {
        Optional<Integer> viewId = names.find(view);
        if (viewId.isEmpty() || entity == null) {
            return Optional.empty();
        }
        // Found in time order, the latest last; the record is read to rule out another entity with the same hash.
        LookupEntries found = lookup(LookupRuns.Kind.AS_OF, LookupRuns.viewEntity(viewId.get(), ContentHash.lookupHash(entity)),
                notBefore.toEpochMilli(), at.toEpochMilli());
        for (int i = found.size - 1; i >= 0; i--) {
            Optional<StoredFact> fact = at(found.keys[i]).filter(f -> entity.equals(f.fact().entity()));
            if (fact.isPresent()) {
                return fact;
            }
        }
        return Optional.empty();
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
        return row(key).filter(row -> row.role() == role).map(RecordBlocks.Row::edges).orElse(null);
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
        long[] byRole = read(() -> RecordBlocks.counts(connection));
        for (Role role : Role.values()) {
            counts.put(role.name().toLowerCase(java.util.Locale.ROOT), byRole[role.ordinal()]);
        }
        query("SELECT COUNT(*) FROM skipped_record", s -> { }, rows -> counts.put("skipped", rows.getLong(1)));
        return counts;
    }

    /** Decisions whose used list names this feature view version: per model version, distinct decision ids, time range. */
    public List<ModelVersionUse> decisionsUsing(FeatureVersion version) {
        Optional<Integer> view = names.find(version.view());
        if (view.isEmpty()) {
            return List.of();
        }
        return byModelVersion(read(() -> UsedBlocks.ofVersion(connection, view.get(), version.version())));
    }

    /** Decisions whose used list names this feature record by id. */
    public List<ModelVersionUse> decisionsUsingFeature(String featureId) {
        return byModelVersion(read(() -> UsedBlocks.ofFeatures(connection, Set.of(ContentHash.ofId(featureId)))));
    }

    /**
     * Decisions that used a feature record derived from this event by {@code id:} (hashes only: a 64-bit collision is
     * the accepted risk). Parents named by coordinates or windows are not followed here yet.
     */
    public List<ModelVersionUse> decisionsUsingEvent(String eventId) {
        Set<Long> featureHashes = new HashSet<>();
        try {
            for (long featureKey : ParentBlocks.featuresDerivedFrom(connection, ContentHash.ofId(eventId))) {
                featureHashes.add(ContentHash.ofId(idOf(featureKey)));
            }
        } catch (SQLException e) {
            throw new LineageStoreException("Lineage index query failed: " + e.getMessage(), e);
        }
        return featureHashes.isEmpty() ? List.of() : byModelVersion(read(() -> UsedBlocks.ofFeatures(connection, featureHashes)));
    }

    /**
     * Every used entry kept for impact, as text with its numbers resolved, sorted: for checks that two indexes hold the
     * same entries, whichever batches wrote them.
     */
    public List<String> usedEntries() {
        return read(() -> UsedBlocks.all(connection)).stream().map(e -> String.join("|",
                RecordKeys.coordinates(e.decisionKey(), topics).toString(), "#" + e.pos(), e.viewId() == 0 ? "-" : names.nameOf(e.viewId()),
                "v" + e.version(), String.valueOf(e.featureHash()), String.valueOf(e.decisionHash()),
                e.modelId() == null ? "-" : names.nameOf(e.modelId()), String.valueOf(e.modelVersion()), String.valueOf(e.timeMs())))
                .sorted().toList();
    }

    /**
     * Every record in the index as text (its fact with names resolved, and its edges), in key order: for checks that
     * two indexes hold the same records, whichever batches wrote them.
     */
    public List<String> records() {
        return read(() -> RecordBlocks.all(connection)).stream().map(row -> fact(row).fact() + " edges " + (row.role() == Role.DECISION
                ? EdgeCodec.used(row.edges(), names, topics) : EdgeCodec.parents(row.edges(), topics))).toList();
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
     * Every lookup entry, in the tables and held in memory, as "kind first second → topic/partition@offset", sorted:
     * for checks that two indexes find the same records, whichever way their lookups were written.
     */
    public List<String> lookupEntries() {
        List<String> entries = new ArrayList<>();
        for (LookupRuns.Kind kind : LookupRuns.Kind.values()) {
            List<LookupEntries> stored = new ArrayList<>(read(() -> LookupRuns.all(connection, kind)));
            stored.addAll(held.of(kind));
            for (LookupEntries some : stored) {
                for (int i = 0; i < some.size; i++) {
                    entries.add(kind + " " + some.k1[i] + " " + some.k2[i] + " → " + RecordKeys.coordinates(some.keys[i], topics));
                }
            }
        }
        entries.sort(null);
        return entries;
    }

    /**
     * Up to {@code limit} decision ids starting with {@code prefix}, for completion as a person types. Without an
     * index on the id text this stops at the first {@code limit} matches instead of sorting them all, so it stays
     * quick on big indexes; the caller sorts what it gets.
     */
    public List<String> decisionIdsStartingWith(String prefix, int limit) {
        return read(() -> RecordBlocks.scan(connection, Role.DECISION, row -> row.factId().startsWith(prefix), limit)).stream()
                .map(RecordBlocks.Row::factId).distinct().sorted().toList();
    }

    /** Every feature view version some decision's used list names, for picking one to assess. */
    public List<FeatureVersion> versionsUsed() {
        List<FeatureVersion> versions = new ArrayList<>();
        try {
            UsedBlocks.versions(connection).forEach(v -> versions.add(new FeatureVersion(names.nameOf(v[0]), v[1])));
        } catch (SQLException e) {
            throw new LineageStoreException("Lineage index query failed: " + e.getMessage(), e);
        }
        return versions.stream().sorted(java.util.Comparator.comparing(FeatureVersion::view).thenComparing(FeatureVersion::version)).toList();
    }

    /** The decisions (up to {@code limit}) whose used list names this version, by model version, then time. */
    public List<DecisionUse> decisionListUsing(FeatureVersion version, int limit) {
        Optional<Integer> view = names.find(version.view());
        if (view.isEmpty()) {
            return List.of();
        }
        // Ordered as the list shows them (model, version, time, then id), reading a decision's id from its row only
        // while the list still has room: a version may be used by hundreds of thousands of decisions.
        List<UsedBlocks.Entry> used = read(() -> UsedBlocks.ofVersion(connection, view.get(), version.version()));
        List<DecisionUse> decisions = new ArrayList<>();
        for (List<UsedBlocks.Entry> same : groups(used, BY_MODEL_VERSION.thenComparingLong(UsedBlocks.Entry::timeMs))) {
            if (decisions.size() >= limit) {
                break;
            }
            UsedBlocks.Entry first = same.get(0);
            String model = first.modelId() == null ? null : names.nameOf(first.modelId());
            same.stream().map(UsedBlocks.Entry::decisionKey).distinct().map(this::idOf).distinct().sorted().forEach(id -> decisions.add(
                    new DecisionUse(id, Instant.ofEpochMilli(first.timeMs()), model, first.modelVersion())));
        }
        return decisions.size() > limit ? new ArrayList<>(decisions.subList(0, limit)) : decisions;
    }

    private String idOf(long key) {
        return row(key).map(RecordBlocks.Row::factId).orElse(null);
    }

    /** Per model version (model id, then version, nothing first): distinct decisions by id hash and their time range. */
    private List<ModelVersionUse> byModelVersion(List<UsedBlocks.Entry> entries) {
        List<ModelVersionUse> uses = new ArrayList<>();
        for (List<UsedBlocks.Entry> group : groups(entries, BY_MODEL_VERSION)) {
            UsedBlocks.Entry first = group.get(0);
            uses.add(new ModelVersionUse(first.modelId() == null ? null : names.nameOf(first.modelId()), first.modelVersion(),
                    group.stream().mapToLong(UsedBlocks.Entry::decisionHash).distinct().count(),
                    Instant.ofEpochMilli(group.stream().mapToLong(UsedBlocks.Entry::timeMs).min().orElseThrow()),
                    Instant.ofEpochMilli(group.stream().mapToLong(UsedBlocks.Entry::timeMs).max().orElseThrow())));
        }
        return uses;
    }

    /** The entries sorted by {@code order}, in runs of entries it finds equal. */
    private static List<List<UsedBlocks.Entry>> groups(List<UsedBlocks.Entry> entries, Comparator<UsedBlocks.Entry> order) {
        List<UsedBlocks.Entry> sorted = new ArrayList<>(entries);
        sorted.sort(order);
        List<List<UsedBlocks.Entry>> groups = new ArrayList<>();
        for (UsedBlocks.Entry entry : sorted) {
            if (groups.isEmpty() || order.compare(groups.get(groups.size() - 1).get(0), entry) != 0) {
                groups.add(new ArrayList<>());
            }
            groups.get(groups.size() - 1).add(entry);
        }
        return groups;
    }

    private StoredFact fact(RecordBlocks.Row row) {
        LineageFact fact = new LineageFact(row.role(), RecordKeys.coordinates(row.key(), topics), names.nameOf(row.sourceId()),
                row.factId(), row.entity(), Instant.ofEpochMilli(row.timeMs()),
                row.viewId() == null ? null : new FeatureVersion(names.nameOf(row.viewId()), row.viewVersion()),
                row.modelId() == null ? null : names.nameOf(row.modelId()), row.modelVersion(), row.value(), row.contentHash());
        return new StoredFact(row.key(), fact);
    }

    private interface Read<T> {
        T read() throws SQLException;
    }

    private static <T> T read(Read<T> read) {
        try {
            return read.read();
        } catch (SQLException e) {
            throw new LineageStoreException("Lineage index query failed: " + e.getMessage(), e);
        }
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
