package io.feedlens.app.groups;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The one place that knows the lag-history schema. Versioned: each step runs once, in order, and the version
 * table says how far a file has come, so an older file is brought forward when a newer FeedLens opens it.
 */
final class HistorySchema {

    /** Step n brings the schema from version n to n + 1. */
    private static final List<List<String>> STEPS = List.of(List.of(
            // A series is one (group, topic, partition); samples refer to it by a small integer to keep rows small.
            "CREATE TABLE lag_series (id INT AUTO_INCREMENT PRIMARY KEY, group_id VARCHAR(512) NOT NULL,"
                    + " topic VARCHAR(512) NOT NULL, part INT NOT NULL, group_key INT NOT NULL,"
                    + " CONSTRAINT lag_series_unique UNIQUE (group_id, topic, part))",
            "CREATE TABLE lag_group (id INT AUTO_INCREMENT PRIMARY KEY, group_id VARCHAR(512) NOT NULL UNIQUE)",
            // at_ms in epoch milliseconds, lag_ms null when the lag in time was unknown.
            "CREATE TABLE lag_sample (group_key INT NOT NULL, series_key INT NOT NULL, at_ms BIGINT NOT NULL,"
                    + " lag BIGINT NOT NULL, lag_ms BIGINT)",
            "CREATE INDEX lag_sample_group_time ON lag_sample (group_key, at_ms)"));

    static final int CURRENT = STEPS.size();

    private HistorySchema() {
    }

    /** Brings the database to the current version; returns that version. */
    static int migrate(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT NOT NULL)");
            int version = version(statement);
            connection.setAutoCommit(false);
            try {
                for (int step = version; step < CURRENT; step++) {
                    for (String sql : STEPS.get(step)) {
                        statement.execute(sql);
                    }
                }
                statement.execute("DELETE FROM schema_version");
                statement.execute("INSERT INTO schema_version VALUES (" + CURRENT + ")");
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
            return CURRENT;
        }
    }

    static int version(Statement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
