package io.feedlens.lineage.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import io.feedlens.lineage.extract.ContentHash;

/**
 * The one place that knows the lineage index's schema. Versioned: step n brings a database from version n to n + 1,
 * all in one transaction, so a newer FeedLens brings an older index forward. Plain types and plain SQL only
 * (no H2 extensions), so the same steps run on PostgreSQL when several indexers share one database.
 *
 * <p>Every statement is written to be run again ({@code IF NOT EXISTS}): H2 commits each DDL statement on its own, so a
 * process killed half-way through a step leaves part of it behind, and the next open must be able to finish it.
 *
 * <p>Keys are numbers: a record's key packs its coordinates ({@link RecordKeys}), names live once in small tables,
 * and string fact ids are found through a 32-bit hash in sorted runs ({@link LookupRuns}). DESIGN.md measured why:
 * random string keys indexed during a load ran at a tenth of the speed and took twenty times the disk.
 */
final class StoreSchema {

    private static final List<Step> STEPS = List.of(sql(
            "CREATE TABLE IF NOT EXISTS lineage_topic (id INT PRIMARY KEY, name VARCHAR(512) NOT NULL UNIQUE)",
            // Sources, feature views and model ids, each stored once and referred to by number.
            "CREATE TABLE IF NOT EXISTS lineage_name (id INT PRIMARY KEY, name VARCHAR(1024) NOT NULL UNIQUE)",
            "CREATE TABLE IF NOT EXISTS lineage_record (rec_key BIGINT PRIMARY KEY, role SMALLINT NOT NULL, id_hash BIGINT NOT NULL,"
                    + " fact_id VARCHAR(512) NOT NULL, source_id INT NOT NULL, entity VARCHAR(512), entity_hash BIGINT,"
                    + " time_ms BIGINT NOT NULL, view_id INT, view_version INT, model_id INT, model_version VARCHAR(128),"
                    + " fact_value DOUBLE PRECISION, content_hash BIGINT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS used_input (decision_key BIGINT NOT NULL, pos SMALLINT NOT NULL, view_id INT, view_version INT,"
                    + " feature_hash BIGINT, feature_id VARCHAR(512), feature_key BIGINT, logged_value DOUBLE PRECISION,"
                    + " as_of_ms BIGINT, status SMALLINT, PRIMARY KEY (decision_key, pos))",
            "CREATE TABLE IF NOT EXISTS derived_from (feature_key BIGINT NOT NULL, pos SMALLINT NOT NULL, kind SMALLINT NOT NULL,"
                    + " parent_hash BIGINT, parent_id VARCHAR(512), parent_key BIGINT, window_to BIGINT,"
                    + " PRIMARY KEY (feature_key, pos))",
            "CREATE TABLE IF NOT EXISTS skipped_record (rec_key BIGINT PRIMARY KEY, reason VARCHAR(1000) NOT NULL)",
            // Written in the same transaction as the rows those offsets produced: the heart of kill safety.
            "CREATE TABLE IF NOT EXISTS index_offsets (topic VARCHAR(512) NOT NULL, part INT NOT NULL, next_offset BIGINT NOT NULL,"
                    + " PRIMARY KEY (topic, part))",
            "CREATE TABLE IF NOT EXISTS flagged_version (view_name VARCHAR(512) NOT NULL, view_version INT NOT NULL,"
                    + " reason VARCHAR(2000) NOT NULL, flagged_at_ms BIGINT NOT NULL, PRIMARY KEY (view_name, view_version))"),
            // Schema 2 (decision 11, "Speed and size"): edges packed into their record's row for traces; narrow tables
            // only for what impact looks up. Its rows cannot be derived from schema 1's in SQL, so the index starts
            // afresh and the indexer reads the topics again from their beginning.
            sql("DROP TABLE IF EXISTS used_input",
                    "DROP TABLE IF EXISTS derived_from",
                    "DELETE FROM lineage_record",
                    "DELETE FROM skipped_record",
                    "DELETE FROM index_offsets",
                    "ALTER TABLE lineage_record ADD COLUMN IF NOT EXISTS edges BYTEA",
                    // One row per used entry, keyed by the feature version so an impact query reads one key range and
                    // needs no join: the decision's model, time and id hash are copied in. 0 stands for "not logged".
                    "CREATE TABLE IF NOT EXISTS used_input (view_id INT NOT NULL, view_version INT NOT NULL, decision_key BIGINT NOT NULL,"
                            + " pos SMALLINT NOT NULL, feature_hash BIGINT, decision_hash BIGINT NOT NULL, model_id INT,"
                            + " model_version VARCHAR(128), time_ms BIGINT NOT NULL, PRIMARY KEY (view_id, view_version, decision_key, pos))",
                    // Parents named by id only, for the impact of an event. No primary key: H2 would keep a composite
                    // one as a second tree beside the rows, and nothing looks a row up by its feature.
                    "CREATE TABLE IF NOT EXISTS derived_from (parent_hash BIGINT NOT NULL, feature_key BIGINT NOT NULL)",
                    // The views each model version logged reading, for inferring a decision's inputs without a used list.
                    "CREATE TABLE IF NOT EXISTS model_view (model_id INT NOT NULL, model_version VARCHAR(128) NOT NULL, view_id INT NOT NULL,"
                            + " PRIMARY KEY (model_id, model_version, view_id))"),
            // Schema 3: parent links in one block per batch instead of a row per parent (ParentBlocks); the rows of
            // schema 2 are converted, so nothing has to be read from Kafka again.
            (connection, statement) -> {
                for (String sql : ParentBlocks.TABLES) {
                    statement.execute(sql);
                }
                ParentBlocks.convert(connection, 500);
            },
            // Schema 4: 32-bit lookup hashes for ids and entities (ContentHash.lookupHash), computed from the stored
            // 64-bit ones. The indexes on them go first (a DDL statement, committed on its own; the next open builds
            // them), so the update rewrites rows and not random index entries; update and version commit together.
            sql("DROP INDEX IF EXISTS lineage_record_id",
                    "DROP INDEX IF EXISTS lineage_record_asof",
                    "UPDATE lineage_record SET id_hash = id_hash / " + ContentHash.LOOKUP_DIVISOR
                            + ", entity_hash = entity_hash / " + ContentHash.LOOKUP_DIVISOR),
            // Schema 5: used entries in one block per batch and feature version (UsedBlocks); the rows of schema 4
            // are converted, so nothing has to be read from Kafka again.
            (connection, statement) -> {
                for (String sql : UsedBlocks.TABLES) {
                    statement.execute(sql);
                }
                UsedBlocks.convert(connection, 500);
            },
            // Schema 6: the two lookups read narrow tables of their own, so the indexes built after a catch-up read
            // two or four numbers a row instead of every record's wide row (decision 11): the id lookup one row per
            // record, the as-of join one row per feature with an entity. Tables first, rows after: a CREATE commits
            // on its own, and must not commit rows of this step before its version.
            sql("CREATE TABLE IF NOT EXISTS id_lookup (rec_key BIGINT PRIMARY KEY, id_hash BIGINT NOT NULL)",
                    "CREATE TABLE IF NOT EXISTS feature_asof (rec_key BIGINT PRIMARY KEY, view_id INT NOT NULL,"
                            + " entity_hash BIGINT NOT NULL, time_ms BIGINT NOT NULL)",
                    "INSERT INTO id_lookup (rec_key, id_hash) SELECT rec_key, id_hash FROM lineage_record",
                    "INSERT INTO feature_asof (rec_key, view_id, entity_hash, time_ms) SELECT rec_key, view_id, entity_hash, time_ms"
                            + " FROM lineage_record WHERE view_id IS NOT NULL AND entity_hash IS NOT NULL"),
            // Schema 7: what schema 6 made unused. Apart from it because DDL commits on its own: a process killed here
            // has schema 6 committed, and these statements run again. The columns id_hash and entity_hash stay, empty
            // in new rows (about a byte a record): H2 drops a column by copying the whole table, a long first open.
            sql("DROP INDEX IF EXISTS lineage_record_id",
                    "DROP INDEX IF EXISTS lineage_record_asof",
                    "ALTER TABLE lineage_record ALTER COLUMN id_hash SET NULL"),
            // Schema 8: the two lookups as sorted runs (LookupRuns) instead of a row and an index entry per record; the
            // rows of schema 7 become one run of each kind, read in their index's order. Emptied first: a process
            // killed after the CREATEs (each committed on its own) runs this step again from the start. Skipped when
            // schema 7's tables are gone: another indexer opening a new shared index at the same moment converted them
            // and dropped them (schema 9), and may be writing already.
            (connection, statement) -> {
                for (String sql : LookupRuns.TABLES) {
                    statement.execute(sql);
                }
                if (!BlockConversion.tableExists(connection, "id_lookup")) {
                    return;
                }
                for (String table : List.of("lookup_block", "lookup_run", "lookup_page")) {
                    statement.execute("DELETE FROM " + table);
                }
                LookupRuns.convert(connection, LookupRuns.Kind.ID, "SELECT id_hash, 0, rec_key FROM id_lookup ORDER BY id_hash, rec_key");
                LookupRuns.convert(connection, LookupRuns.Kind.AS_OF, "SELECT view_id * " + (1L << 32) + " + entity_hash, time_ms, rec_key"
                        + " FROM feature_asof ORDER BY view_id, entity_hash, time_ms, rec_key");
            },
            // Schema 9: what schema 8 made unused, apart from it because DROP commits on its own.
            sql("DROP TABLE IF EXISTS id_lookup", "DROP TABLE IF EXISTS feature_asof"),
            // Schema 10: records in blocks of one batch and partition (RecordBlocks) instead of a row each; schema 9's
            // rows are converted (the conversion empties the blocks first, so a killed step runs again whole). Skipped
            // when the rows are gone, as schema 8 is.
            (connection, statement) -> {
                statement.execute(RecordBlocks.TABLE);
                if (BlockConversion.tableExists(connection, "lineage_record")) {
                    RecordBlocks.convert(connection);
                }
            },
            // Schema 11: the record rows, now in blocks; apart from schema 10 because DROP commits on its own.
            sql("DROP TABLE IF EXISTS lineage_record"),
            // Schema 12: where a catch-up's lookup entries held in memory begin, per partition (HeldLookups).
            sql(HeldLookups.TABLE));

    /** One step from version n to n + 1. */
    @FunctionalInterface
    private interface Step {
        void apply(Connection connection, Statement statement) throws SQLException;
    }

    private static Step sql(String... statements) {
        return (connection, statement) -> {
            for (String sql : statements) {
                statement.execute(sql);
            }
        };
    }

    /**
     * The tables whose rows the indexer derives from records: keyed by a record key, blocks keyed by the smallest
     * record key of their batch, and record blocks keyed by their last. A rebuild empties them ({@link LineageStore#clear}) and a single indexer trims them
     * past its stored offsets ({@link UncommittedTail}): a new derived table goes here, or a kill could leave it half
     * a batch.
     */
    static final List<String> RECORD_TABLES = List.of("skipped_record");
    /** Blocks of records, keyed by their last record key: past a stored offset, a block is past it whole. */
    static final List<String> RECORD_BLOCK_TABLES = List.of("record_block");
    static final List<String> BATCH_TABLES = List.of("used_block", "used_bloom", "parent_block", "parent_bloom", "lookup_block");
    /**
     * Merged from batches' blocks or held in memory, so not keyed by a record: a rebuild empties them, a trim has
     * nothing to do there (a mark of held entries lies at or before its partition's stored offset).
     */
    static final List<String> MERGED_TABLES = List.of("lookup_run", "lookup_page", "lookup_held");

    static final int CURRENT = STEPS.size();

    private StoreSchema() {
    }

    /** Brings the database to the current version; returns that version. */
    static int migrate(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT NOT NULL)");
            int version = version(statement);
            for (int step = version; step < CURRENT; step++) {
                STEPS.get(step).apply(connection, statement);
                // Each step's version commits with its last rows, before any later DDL commits on its own: a step
                // that is not safe to run twice (schema 4's update) then never runs twice.
                statement.execute("DELETE FROM schema_version");
                statement.execute("INSERT INTO schema_version VALUES (" + (step + 1) + ")");
                connection.commit();
            }
            return CURRENT;
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    static int version(Statement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
