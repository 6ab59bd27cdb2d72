package io.feedlens.lineage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.feedlens.lineage.FeatureStatus;
import io.feedlens.lineage.RecordCoordinates;
import io.feedlens.lineage.extract.ContentHash;
import io.feedlens.lineage.model.DerivedFrom;
import io.feedlens.lineage.model.FeatureVersion;
import io.feedlens.lineage.model.IndexedRecord;
import io.feedlens.lineage.model.LineageFact;
import io.feedlens.lineage.model.PartitionPosition;
import io.feedlens.lineage.model.Role;
import io.feedlens.lineage.model.Used;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema 2 keeps a record's edges packed in its own row and copies what impact needs into narrow tables. */
class LineageEdgesTest {

    private static final RecordCoordinates FEATURE_AT = new RecordCoordinates("features", 0, 7);
    private static final RecordCoordinates DECISION_AT = new RecordCoordinates("decisions", 2, 40);

    @TempDir
    Path folder;

    private static IndexedRecord feature(List<DerivedFrom> parents) {
        return new IndexedRecord(new LineageFact(Role.FEATURE, FEATURE_AT, "/features", "f-1", "card-1", Instant.ofEpochMilli(1_000),
                new FeatureVersion("velocity", 4), null, null, 3.0, 11L), List.of(), parents);
    }

    private static IndexedRecord decision(List<Used> used) {
        return new IndexedRecord(new LineageFact(Role.DECISION, DECISION_AT, "/models", "d-1", "card-1", Instant.ofEpochMilli(2_000),
                null, "fraud", "1.2", null, 12L), used, List.of());
    }

    @Test
    void usedListsAndParentsComeBackAsWrittenWithEveryOptionalField() {
        List<Used> used = List.of(
                new Used("velocity", 4, "f-1", null, 3.0, Instant.ofEpochMilli(1_000), FeatureStatus.PRESENT),
                new Used(null, null, null, FEATURE_AT, null, null, null));
        List<DerivedFrom> parents = List.of(DerivedFrom.byId("p-1"), DerivedFrom.at(new RecordCoordinates("payments", 1, 5)),
                DerivedFrom.window("payments", 2, 10, 14));
        try (LineageStore store = LineageStore.open(folder.resolve("index"))) {
            store.write(List.of(feature(parents), decision(used)), List.of(),
                    List.of(new PartitionPosition("features", 0, 8), new PartitionPosition("decisions", 2, 41)));
            long featureKey = store.read(q -> q.at(FEATURE_AT)).orElseThrow().key();
            long decisionKey = store.read(q -> q.at(DECISION_AT)).orElseThrow().key();

            List<Used> usedBack = store.read(q -> q.usedBy(decisionKey));
            List<DerivedFrom> parentsBack = store.read(q -> q.parentsOf(featureKey));
            List<Used> ofFeature = store.read(q -> q.usedBy(featureKey));
            assertThat(usedBack).isEqualTo(used);
            assertThat(parentsBack).isEqualTo(parents);
            assertThat(ofFeature).isEmpty();
        }
    }

    @Test
    void impactAndInferredViewsReadTheNarrowTables() {
        try (LineageStore store = LineageStore.open(folder.resolve("index"))) {
            store.write(List.of(feature(List.of(DerivedFrom.byId("p-1"))),
                    decision(List.of(new Used("velocity", 4, "f-1", null, 3.0, null, null)))), List.of(), List.of());

            List<ModelVersionUse> byVersion = store.read(q -> q.decisionsUsing(new FeatureVersion("velocity", 4)));
            assertThat(byVersion).containsExactly(new ModelVersionUse("fraud", "1.2", 1, Instant.ofEpochMilli(2_000), Instant.ofEpochMilli(2_000)));
            List<ModelVersionUse> otherVersion = store.read(q -> q.decisionsUsing(new FeatureVersion("velocity", 3)));
            List<ModelVersionUse> byFeature = store.read(q -> q.decisionsUsingFeature("f-1"));
            List<ModelVersionUse> byEvent = store.read(q -> q.decisionsUsingEvent("p-1"));
            List<String> views = store.read(q -> q.viewsReadBy("fraud", "1.2"));
            List<String> viewsOfUnknownVersion = store.read(q -> q.viewsReadBy("fraud", "9.9"));
            assertThat(otherVersion).isEmpty();
            assertThat(byFeature).isEqualTo(byVersion);
            assertThat(byEvent).isEqualTo(byVersion);
            assertThat(views).containsExactly("velocity");
            assertThat(viewsOfUnknownVersion).isEmpty();
            List<FeatureVersion> versions = store.read(FactQueries::versionsUsed);
            assertThat(versions).containsExactly(new FeatureVersion("velocity", 4));
        }
    }

    @Test
    void aClearedIndexWritesItsModelViewsAgain() {
        try (LineageStore store = LineageStore.open(folder.resolve("index"))) {
            IndexedRecord decision = decision(List.of(new Used("velocity", 4, "f-1", null, 3.0, null, null)));
            store.write(List.of(decision), List.of(), List.of());
            store.clear();
            List<String> afterClear = store.read(q -> q.viewsReadBy("fraud", "1.2"));
            store.write(List.of(decision), List.of(), List.of());
            List<String> rebuilt = store.read(q -> q.viewsReadBy("fraud", "1.2"));
            assertThat(afterClear).isEmpty();
            assertThat(rebuilt).containsExactly("velocity");
        }
    }

    @Test
    void anIndexOfSchemaOneStartsAfreshSoTheIndexerReadsTheTopicsAgain() throws Exception {
        Path file = folder.resolve("old");
        try (Connection old = DriverManager.getConnection("jdbc:h2:file:" + file.toAbsolutePath(), "sa", "");
             Statement sql = old.createStatement()) {
            // Schema 1 as FeedLens wrote it, with one indexed record and its offset.
            sql.execute("CREATE TABLE schema_version (version INT NOT NULL)");
            sql.execute("INSERT INTO schema_version VALUES (1)");
            sql.execute("CREATE TABLE lineage_record (rec_key BIGINT PRIMARY KEY, role SMALLINT NOT NULL, id_hash BIGINT NOT NULL,"
                    + " fact_id VARCHAR(512) NOT NULL, source_id INT NOT NULL, entity VARCHAR(512), entity_hash BIGINT,"
                    + " time_ms BIGINT NOT NULL, view_id INT, view_version INT, model_id INT, model_version VARCHAR(128),"
                    + " fact_value DOUBLE PRECISION, content_hash BIGINT NOT NULL)");
            sql.execute("CREATE TABLE used_input (decision_key BIGINT NOT NULL, pos SMALLINT NOT NULL, view_id INT, view_version INT,"
                    + " feature_hash BIGINT, feature_id VARCHAR(512), feature_key BIGINT, logged_value DOUBLE PRECISION,"
                    + " as_of_ms BIGINT, status SMALLINT, PRIMARY KEY (decision_key, pos))");
            sql.execute("CREATE INDEX used_input_version ON used_input (view_id, view_version)");
            sql.execute("CREATE TABLE index_offsets (topic VARCHAR(512) NOT NULL, part INT NOT NULL, next_offset BIGINT NOT NULL,"
                    + " PRIMARY KEY (topic, part))");
            sql.execute("CREATE TABLE derived_from (feature_key BIGINT NOT NULL, pos SMALLINT NOT NULL, kind SMALLINT NOT NULL,"
                    + " parent_hash BIGINT, parent_id VARCHAR(512), parent_key BIGINT, window_to BIGINT, PRIMARY KEY (feature_key, pos))");
            sql.execute("CREATE TABLE skipped_record (rec_key BIGINT PRIMARY KEY, reason VARCHAR(1000) NOT NULL)");
            sql.execute("CREATE TABLE lineage_topic (id INT PRIMARY KEY, name VARCHAR(512) NOT NULL UNIQUE)");
            sql.execute("CREATE TABLE lineage_name (id INT PRIMARY KEY, name VARCHAR(1024) NOT NULL UNIQUE)");
            sql.execute("CREATE TABLE flagged_version (view_name VARCHAR(512) NOT NULL, view_version INT NOT NULL,"
                    + " reason VARCHAR(2000) NOT NULL, flagged_at_ms BIGINT NOT NULL, PRIMARY KEY (view_name, view_version))");
            sql.execute("INSERT INTO lineage_topic VALUES (1, 'payments')");
            sql.execute("INSERT INTO lineage_record (rec_key, role, id_hash, fact_id, source_id, time_ms, content_hash)"
                    + " VALUES (" + RecordKeys.pack(1, 0, 0) + ", 0, 1, 'p-1', 1, 0, 0)");
            sql.execute("INSERT INTO index_offsets VALUES ('payments', 0, 1)");
        }
        try (LineageStore store = LineageStore.open(file)) {
            assertThat(store.schemaVersion()).isEqualTo(StoreSchema.CURRENT);
            assertThat(store.positions("payments")).isEmpty();
            assertThat(store.counts()).containsEntry("event", 0L);
            store.write(List.of(decision(List.of(new Used("velocity", 4, "f-1", null, null, null, null)))), List.of(), List.of());
            List<Used> used = store.read(q -> q.usedBy(q.at(DECISION_AT).orElseThrow().key()));
            assertThat(used).hasSize(1);
        }
    }

    @Test
    void eventImpactFindsTheFeaturesOfEveryBatchAndNothingElse() {
        try (LineageStore store = LineageStore.open(folder.resolve("index"))) {
            for (int batch = 0; batch < 30; batch++) {
                List<IndexedRecord> records = new java.util.ArrayList<>();
                List<Used> used = new java.util.ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    String id = "f-" + batch + "-" + i;
                    records.add(new IndexedRecord(new LineageFact(Role.FEATURE, new RecordCoordinates("features", 0, batch * 100L + i),
                            "/features", id, "card-" + i, Instant.ofEpochMilli(1_000), new FeatureVersion("velocity", 4), null, null,
                            1.0, 11L), List.of(), List.of(DerivedFrom.byId("p-" + batch + "-" + i), DerivedFrom.byId("p-shared"))));
                    used.add(new Used("velocity", 4, id, null, 1.0, null, null));
                }
                records.add(new IndexedRecord(new LineageFact(Role.DECISION, new RecordCoordinates("decisions", 0, batch), "/models",
                        "d-" + batch, "card-1", Instant.ofEpochMilli(2_000 + batch), null, "fraud", "1.2", null, 12L), used, List.of()));
                store.write(records, List.of(), List.of());
            }

            List<ModelVersionUse> one = store.read(q -> q.decisionsUsingEvent("p-3-5"));
            List<ModelVersionUse> all = store.read(q -> q.decisionsUsingEvent("p-shared"));
            List<ModelVersionUse> none = store.read(q -> q.decisionsUsingEvent("p-nope"));
            List<String> links = store.read(FactQueries::parentLinks);
            assertThat(one).containsExactly(new ModelVersionUse("fraud", "1.2", 1, Instant.ofEpochMilli(2_003), Instant.ofEpochMilli(2_003)));
            assertThat(all).containsExactly(new ModelVersionUse("fraud", "1.2", 30, Instant.ofEpochMilli(2_000), Instant.ofEpochMilli(2_029)));
            assertThat(none).isEmpty();
            assertThat(links).hasSize(30 * 20 * 2).contains("%d → features/0@305".formatted(ContentHash.ofId("p-3-5")));
        }
    }

    @Test
    void anIndexOfSchemaTwoKeepsItsParentLinksInBlocks() throws Exception {
        Path file = folder.resolve("two");
        try (LineageStore store = LineageStore.open(file)) {
            store.write(List.of(feature(List.of(DerivedFrom.byId("p-1"))),
                    decision(List.of(new Used("velocity", 4, "f-1", null, 3.0, null, null)))), List.of(), List.of());
        }
        try (Connection old = DriverManager.getConnection("jdbc:h2:file:" + file.toAbsolutePath(), "sa", "");
             Statement sql = old.createStatement()) {
            backToSchemaFive(sql);
            // Back to schema 2 as FeedLens wrote it: one row per parent named by id.
            sql.execute("DROP TABLE parent_block");
            sql.execute("DROP TABLE parent_bloom");
            sql.execute("CREATE TABLE derived_from (parent_hash BIGINT NOT NULL, feature_key BIGINT NOT NULL)");
            sql.execute("CREATE INDEX derived_from_parent ON derived_from (parent_hash)");
            sql.execute("INSERT INTO derived_from SELECT " + ContentHash.ofId("p-1")
                    + ", rec_key FROM lineage_record WHERE fact_id = 'f-1'");
            sql.execute("UPDATE schema_version SET version = 2");
        }
        try (LineageStore store = LineageStore.open(file)) {
            List<ModelVersionUse> byEvent = store.read(q -> q.decisionsUsingEvent("p-1"));
            List<ModelVersionUse> byVersion = store.read(q -> q.decisionsUsing(new FeatureVersion("velocity", 4)));
            assertThat(store.schemaVersion()).isEqualTo(StoreSchema.CURRENT);
            assertThat(byEvent).hasSize(1).isEqualTo(byVersion);
        }
        try (Connection migrated = DriverManager.getConnection("jdbc:h2:file:" + file.toAbsolutePath(), "sa", "");
             java.sql.ResultSet tables = migrated.getMetaData().getTables(null, null, "DERIVED_FROM", null)) {
            assertThat(tables.next()).as("derived_from is gone").isFalse();
        }
    }

    @Test
    void anIndexOfSchemaThreeFindsIdsAndEntitiesByTheirShorterHashes() throws Exception {
        Path file = folder.resolve("three");
        try (LineageStore store = LineageStore.open(file)) {
            store.write(List.of(feature(List.of(DerivedFrom.byId("p-1"))),
                    decision(List.of(new Used("velocity", 4, "f-1", null, 3.0, null, null)))), List.of(), List.of());
        }
        try (Connection old = DriverManager.getConnection("jdbc:h2:file:" + file.toAbsolutePath(), "sa", "");
             Statement sql = old.createStatement()) {
            backToSchemaFive(sql);
            // Back to schema 3 as FeedLens wrote it: full 64-bit hashes in the lookup columns.
            sql.execute("UPDATE lineage_record SET id_hash = CASE fact_id WHEN 'f-1' THEN " + ContentHash.ofId("f-1")
                    + " ELSE " + ContentHash.ofId("d-1") + " END, entity_hash = CASE role WHEN 1 THEN " + ContentHash.ofId("card-1")
                    + " ELSE NULL END");
            sql.execute("UPDATE schema_version SET version = 3");
        }
        try (LineageStore store = LineageStore.open(file)) {
            List<StoredFact> decisions = store.read(q -> q.withId("d-1"));
            Optional<StoredFact> asOf = store.read(q -> q.latestFeature("velocity", "card-1", Instant.ofEpochMilli(2_000),
                    Instant.ofEpochMilli(0)));
            assertThat(store.schemaVersion()).isEqualTo(StoreSchema.CURRENT);
            assertThat(decisions).extracting(f -> f.fact().coordinates()).containsExactly(DECISION_AT);
            assertThat(asOf).map(f -> f.fact().coordinates()).contains(FEATURE_AT);
        }
        try (Connection migrated = DriverManager.getConnection("jdbc:h2:file:" + file.toAbsolutePath(), "sa", "");
             Statement sql = migrated.createStatement();
             java.sql.ResultSet view = sql.executeQuery("SELECT id FROM lineage_name WHERE name = 'velocity'")) {
            assertThat(view.next()).isTrue();
            int velocity = view.getInt(1);
            assertThat(lookupEntries(migrated, LookupRuns.Kind.ID)).as("the shorter id hashes, in a run")
                    .containsExactlyInAnyOrder(ContentHash.lookupHash("f-1"), ContentHash.lookupHash("d-1"));
            assertThat(lookupEntries(migrated, LookupRuns.Kind.AS_OF)).as("the feature's view and shorter entity hash, in a run")
                    .containsExactly(LookupRuns.viewEntity(velocity, ContentHash.lookupHash("card-1")));
        }
    }

    @Test
    void anIndexOfSchemaFiveFindsIdsAndFeaturesAsOfInTablesOfTheirOwn() throws Exception {
        Path file = folder.resolve("five");
        try (LineageStore store = LineageStore.open(file)) {
            store.write(List.of(feature(List.of()), decision(List.of())), List.of(), List.of());
        }
        try (Connection old = DriverManager.getConnection("jdbc:h2:file:" + file.toAbsolutePath(), "sa", "");
             Statement sql = old.createStatement()) {
            backToSchemaFive(sql);
            sql.execute("UPDATE schema_version SET version = 5");
        }
        try (LineageStore store = LineageStore.open(file)) {
            List<StoredFact> decisions = store.read(q -> q.withId("d-1"));
            List<StoredFact> unknown = store.read(q -> q.withId("d-2"));
            Optional<StoredFact> asOf = store.read(q -> q.latestFeature("velocity", "card-1", Instant.ofEpochMilli(2_000),
                    Instant.ofEpochMilli(0)));
            Optional<StoredFact> before = store.read(q -> q.latestFeature("velocity", "card-1", Instant.ofEpochMilli(999),
                    Instant.ofEpochMilli(0)));
            Optional<StoredFact> otherEntity = store.read(q -> q.latestFeature("velocity", "card-2", Instant.ofEpochMilli(2_000),
                    Instant.ofEpochMilli(0)));
            assertThat(store.schemaVersion()).isEqualTo(StoreSchema.CURRENT);
            assertThat(decisions).extracting(f -> f.fact().coordinates()).containsExactly(DECISION_AT);
            assertThat(unknown).isEmpty();
            assertThat(asOf).map(f -> f.fact().coordinates()).contains(FEATURE_AT);
            assertThat(before).isEmpty();
            assertThat(otherEntity).isEmpty();
        }
        try (Connection migrated = DriverManager.getConnection("jdbc:h2:file:" + file.toAbsolutePath(), "sa", "");
             java.sql.ResultSet indexes = migrated.getMetaData().getIndexInfo(null, null, "LINEAGE_RECORD", false, false);
             java.sql.ResultSet oldTables = migrated.getMetaData().getTables(null, null, "ID_LOOKUP", null)) {
            assertThat(lookupEntries(migrated, LookupRuns.Kind.ID)).as("an id entry per record").hasSize(2);
            assertThat(lookupEntries(migrated, LookupRuns.Kind.AS_OF)).as("an as-of entry for the feature only").hasSize(1);
            assertThat(oldTables.next()).as("schema 7's id table is gone").isFalse();
            List<String> names = new java.util.ArrayList<>();
            while (indexes.next()) {
                names.add(indexes.getString("INDEX_NAME"));
            }
            assertThat(names).as("lineage_record's lookup indexes are gone").doesNotContain("LINEAGE_RECORD_ID", "LINEAGE_RECORD_ASOF");
        }
    }

    /** The k1 of every lookup entry of a kind, in runs and in blocks. */
    private static List<Long> lookupEntries(Connection connection, LookupRuns.Kind kind) throws java.sql.SQLException {
        List<Long> found = new java.util.ArrayList<>();
        for (String table : List.of("lookup_page", "lookup_block")) {
            try (Statement sql = connection.createStatement();
                 java.sql.ResultSet rows = sql.executeQuery("SELECT entries FROM " + table + " WHERE kind = " + kind.code())) {
                while (rows.next()) {
                    LookupEntries entries = LookupEntries.unpack(rows.getBytes(1));
                    for (int i = 0; i < entries.size; i++) {
                        found.add(entries.k1[i]);
                    }
                }
            }
        }
        return found;
    }

    @Test
    void rowsPastTheStoredOffsetsAreRemovedWhenASingleIndexerOpensItsFile() throws Exception {
        Path file = folder.resolve("tail");
        try (LineageStore store = LineageStore.open(file)) {
            store.write(List.of(feature(List.of(DerivedFrom.byId("p-1")))), List.of(), List.of(new PartitionPosition("features", 0, 8)));
        }
        long past = RecordKeys.pack(1, 0, 9); // "features" is the first topic the index met
        try (Connection old = DriverManager.getConnection("jdbc:h2:file:" + file.toAbsolutePath(), "sa", "");
             Statement sql = old.createStatement()) {
            // What a batch cut by SIGKILL has been seen to leave: some of its rows, without its offsets.
            LookupEntries.Builder cut = new LookupEntries.Builder();
            cut.add(5, 0, past);
            try (java.sql.PreparedStatement insert = old.prepareStatement("INSERT INTO lookup_block VALUES (1, ?, ?)")) {
                insert.setLong(1, past);
                insert.setBytes(2, cut.sorted().pack(0, 1));
                insert.executeUpdate();
            }
            sql.execute("INSERT INTO parent_bloom VALUES (" + past + ", X'00')");
        }
        try (LineageStore store = LineageStore.open(file)) {
            List<StoredFact> kept = store.read(q -> q.withId("f-1"));
            assertThat(kept).extracting(f -> f.fact().coordinates()).containsExactly(FEATURE_AT);
        }
        try (Connection reopened = DriverManager.getConnection("jdbc:h2:file:" + file.toAbsolutePath(), "sa", "");
             Statement sql = reopened.createStatement();
             java.sql.ResultSet rows = sql.executeQuery("SELECT (SELECT COUNT(*) FROM lookup_block WHERE kind = 1),"
                     + " (SELECT COUNT(*) FROM parent_bloom)")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).as("id blocks: the committed batch's only").isEqualTo(1);
            assertThat(rows.getLong(2)).as("parent filters: the committed batch's only").isEqualTo(1);
        }
    }

    /** Undoes schemas 10 and 11: a row per record in {@code lineage_record} as schema 9 had it, the record blocks gone. */
    private static void backToSchemaNine(Statement sql) throws java.sql.SQLException {
        List<RecordBlocks.Row> rows = RecordBlocks.all(sql.getConnection());
        sql.execute("CREATE TABLE lineage_record (rec_key BIGINT PRIMARY KEY, role SMALLINT NOT NULL, id_hash BIGINT,"
                + " fact_id VARCHAR(512) NOT NULL, source_id INT NOT NULL, entity VARCHAR(512), entity_hash BIGINT,"
                + " time_ms BIGINT NOT NULL, view_id INT, view_version INT, model_id INT, model_version VARCHAR(128),"
                + " fact_value DOUBLE PRECISION, content_hash BIGINT NOT NULL, edges BYTEA)");
        try (java.sql.PreparedStatement insert = sql.getConnection().prepareStatement("INSERT INTO lineage_record (rec_key, role,"
                + " fact_id, source_id, entity, time_ms, view_id, view_version, model_id, model_version, fact_value, content_hash, edges)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (RecordBlocks.Row row : rows) {
                insert.setLong(1, row.key());
                insert.setInt(2, row.role().ordinal());
                insert.setString(3, row.factId());
                insert.setInt(4, row.sourceId());
                insert.setString(5, row.entity());
                insert.setLong(6, row.timeMs());
                insert.setObject(7, row.viewId());
                insert.setObject(8, row.viewVersion());
                insert.setObject(9, row.modelId());
                insert.setString(10, row.modelVersion());
                insert.setObject(11, row.value());
                insert.setLong(12, row.contentHash());
                insert.setBytes(13, row.edges());
                insert.executeUpdate();
            }
        }
        sql.execute("DROP TABLE record_block");
        sql.execute("UPDATE schema_version SET version = 9");
    }

    /** Undoes schemas 8 to 11: a row per record in the lookup tables of schema 7, the runs and blocks gone. */
    private static void backToSchemaSeven(Statement sql) throws java.sql.SQLException {
        backToSchemaNine(sql);
        sql.execute("CREATE TABLE id_lookup (rec_key BIGINT PRIMARY KEY, id_hash BIGINT NOT NULL)");
        sql.execute("CREATE TABLE feature_asof (rec_key BIGINT PRIMARY KEY, view_id INT NOT NULL, entity_hash BIGINT NOT NULL, time_ms BIGINT NOT NULL)");
        List<Object[]> rows = new java.util.ArrayList<>();
        try (java.sql.ResultSet records = sql.executeQuery("SELECT rec_key, fact_id, view_id, entity, time_ms FROM lineage_record")) {
            while (records.next()) {
                rows.add(new Object[] {records.getLong(1), records.getString(2), records.getObject(3), records.getString(4), records.getLong(5)});
            }
        }
        for (Object[] row : rows) {
            sql.execute("INSERT INTO id_lookup VALUES (" + row[0] + ", " + ContentHash.lookupHash((String) row[1]) + ")");
            if (row[2] != null && row[3] != null) {
                sql.execute("INSERT INTO feature_asof VALUES (" + row[0] + ", " + row[2] + ", " + ContentHash.lookupHash((String) row[3])
                        + ", " + row[4] + ")");
            }
        }
        sql.execute("CREATE INDEX id_lookup_hash ON id_lookup (id_hash)");
        sql.execute("CREATE INDEX feature_asof_key ON feature_asof (view_id, entity_hash, time_ms)");
        for (String table : List.of("lookup_block", "lookup_run", "lookup_page")) {
            sql.execute("DROP TABLE " + table);
        }
        sql.execute("UPDATE schema_version SET version = 7");
    }

    /** Undoes schemas 6 to 11: the lookup hashes back in the record rows with their indexes, the lookup tables gone. */
    private static void backToSchemaFive(Statement sql) throws java.sql.SQLException {
        backToSchemaSeven(sql);
        sql.execute("UPDATE lineage_record r SET id_hash = (SELECT i.id_hash FROM id_lookup i WHERE i.rec_key = r.rec_key),"
                + " entity_hash = (SELECT a.entity_hash FROM feature_asof a WHERE a.rec_key = r.rec_key)");
        sql.execute("ALTER TABLE lineage_record ALTER COLUMN id_hash SET NOT NULL");
        sql.execute("DROP TABLE id_lookup");
        sql.execute("DROP TABLE feature_asof");
        sql.execute("CREATE INDEX lineage_record_id ON lineage_record (id_hash)");
        sql.execute("CREATE INDEX lineage_record_asof ON lineage_record (view_id, entity_hash, time_ms)");
    }

    @Test
    void anIndexOfSchemaFourKeepsItsUsedEntriesInBlocks() throws Exception {
        Path file = folder.resolve("four");
        try (LineageStore store = LineageStore.open(file)) {
            store.write(List.of(feature(List.of()), decision(List.of(new Used("velocity", 4, "f-1", null, 3.0, null, null),
                    new Used(null, null, null, FEATURE_AT, null, null, null)))), List.of(), List.of());
        }
        try (Connection old = DriverManager.getConnection("jdbc:h2:file:" + file.toAbsolutePath(), "sa", "");
             Statement sql = old.createStatement()) {
            backToSchemaFive(sql);
            // Back to schema 4 as FeedLens wrote it: one row per used entry, 0 for what was not logged.
            sql.execute("DROP TABLE used_block");
            sql.execute("DROP TABLE used_bloom");
            sql.execute("CREATE TABLE used_input (view_id INT NOT NULL, view_version INT NOT NULL, decision_key BIGINT NOT NULL,"
                    + " pos SMALLINT NOT NULL, feature_hash BIGINT, decision_hash BIGINT NOT NULL, model_id INT,"
                    + " model_version VARCHAR(128), time_ms BIGINT NOT NULL, PRIMARY KEY (view_id, view_version, decision_key, pos))");
            sql.execute("CREATE INDEX used_input_feature ON used_input (feature_hash)");
            sql.execute("INSERT INTO used_input (view_id, view_version, decision_key, pos, feature_hash, decision_hash, model_id,"
                    + " model_version, time_ms) SELECT (SELECT id FROM lineage_name WHERE name = 'velocity'), 4, rec_key, 0, "
                    + ContentHash.ofId("f-1") + ", " + ContentHash.ofId("d-1") + ", model_id, model_version, time_ms"
                    + " FROM lineage_record WHERE fact_id = 'd-1'");
            sql.execute("INSERT INTO used_input (view_id, view_version, decision_key, pos, feature_hash, decision_hash, model_id,"
                    + " model_version, time_ms) SELECT 0, 0, rec_key, 1, NULL, " + ContentHash.ofId("d-1")
                    + ", model_id, model_version, time_ms FROM lineage_record WHERE fact_id = 'd-1'");
            sql.execute("UPDATE schema_version SET version = 4");
        }
        ModelVersionUse expected = new ModelVersionUse("fraud", "1.2", 1, Instant.ofEpochMilli(2_000), Instant.ofEpochMilli(2_000));
        try (LineageStore store = LineageStore.open(file)) {
            List<ModelVersionUse> byVersion = store.read(q -> q.decisionsUsing(new FeatureVersion("velocity", 4)));
            List<ModelVersionUse> byFeature = store.read(q -> q.decisionsUsingFeature("f-1"));
            List<FeatureVersion> versions = store.read(FactQueries::versionsUsed);
            List<String> entries = store.read(FactQueries::usedEntries);
            List<DecisionUse> listed = store.read(q -> q.decisionListUsing(new FeatureVersion("velocity", 4), 10));
            assertThat(store.schemaVersion()).isEqualTo(StoreSchema.CURRENT);
            assertThat(byVersion).containsExactly(expected);
            assertThat(byFeature).containsExactly(expected);
            assertThat(versions).containsExactly(new FeatureVersion("velocity", 4));
            assertThat(entries).hasSize(2);
            assertThat(listed).containsExactly(new DecisionUse("d-1", Instant.ofEpochMilli(2_000), "fraud", "1.2"));
        }
        try (Connection migrated = DriverManager.getConnection("jdbc:h2:file:" + file.toAbsolutePath(), "sa", "");
             java.sql.ResultSet tables = migrated.getMetaData().getTables(null, null, "USED_INPUT", null)) {
            assertThat(tables.next()).as("used_input is gone").isFalse();
        }
    }
}
