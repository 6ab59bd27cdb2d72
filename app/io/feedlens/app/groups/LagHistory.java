package io.feedlens.app.groups;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.feedlens.app.Background;
import io.feedlens.app.OwnerOnly;
import org.apache.kafka.common.TopicPartition;

/**
 * Lag samples of one cluster kept in H2 ({@code lag-history/<cluster id>.mv.db} in the data folder), so the charts
 * cover the last hour or day across restarts. A derived cache: deleting the file loses history, nothing else.
 * Samples older than {@link #KEEP} are pruned when the file is opened.
 */
public final class LagHistory implements AutoCloseable {

    public static final Duration KEEP = Duration.ofDays(2);

    private final Connection connection;
    private final Map<String, Integer> groupKeys = new HashMap<>();
    private final Map<String, Integer> seriesKeys = new HashMap<>();

    private LagHistory(Connection connection) {
        this.connection = connection;
    }

    /** Opens (or creates) the history of the cluster with this id under the data folder. */
    public static LagHistory open(Path dataFolder, String clusterId) {
        Path file = dataFolder.resolve("lag-history").resolve(clusterId.replaceAll("[^A-Za-z0-9_-]", "_"));
        try {
            OwnerOnly.directories(file.getParent());
            Connection connection = DriverManager.getConnection("jdbc:h2:file:" + file.toAbsolutePath(), "feedlens", "");
            OwnerOnly.tree(file.getParent());
            HistorySchema.migrate(connection);
            LagHistory history = new LagHistory(connection);
            history.prune(Instant.now().minus(KEEP));
            return history;
        } catch (Exception e) {
            throw new IllegalStateException("The lag history in " + file + " could not be opened: " + e.getMessage(), e);
        }
    }

    public synchronized int schemaVersion() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return HistorySchema.version(statement);
        }
    }

    /** Stores one row per group partition with a known lag, in one transaction. */
    public synchronized void record(GroupsSnapshot snapshot) {
        long at = snapshot.takenAt().toEpochMilli();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO lag_sample VALUES (?, ?, ?, ?, ?)")) {
            connection.setAutoCommit(false);
            for (ConsumerGroupLag group : snapshot.groups()) {
                for (PartitionLag partition : group.partitions()) {
                    if (partition.lag() == null) {
                        continue;
                    }
                    insert.setInt(1, groupKey(group.groupId()));
                    insert.setInt(2, seriesKey(group.groupId(), partition.partition()));
                    insert.setLong(3, at);
                    insert.setLong(4, partition.lag());
                    insert.setObject(5, partition.lagTime() == null ? null : partition.lagTime().toMillis());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            throw new IllegalStateException("Lag samples could not be stored: " + e.getMessage(), e);
        } finally {
            autoCommit();
        }
    }

    /** The group's history over the last {@code span} before {@code now}; slow on big files, so also as a future. */
    public CompletableFuture<GroupHistory> history(String groupId, Duration span) {
        return Background.supply(() -> historyNow(groupId, span, Instant.now()));
    }

    public synchronized GroupHistory historyNow(String groupId, Duration span, Instant now) {
        String sql = "SELECT s.at_ms, r.topic, r.part, s.lag, s.lag_ms FROM lag_sample s JOIN lag_series r ON r.id = s.series_key"
                + " WHERE s.group_key = (SELECT id FROM lag_group WHERE group_id = ?) AND s.at_ms >= ? AND s.at_ms <= ?"
                + " ORDER BY s.at_ms, r.topic, r.part";
        Map<Long, long[]> totals = new LinkedHashMap<>(); // at → {records, worst ms (-1 unknown)}
        Map<TopicPartition, List<LagPoint>> perPartition = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, groupId);
            query.setLong(2, now.minus(span).toEpochMilli());
            query.setLong(3, now.toEpochMilli());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long at = rows.getLong(1);
                    long lag = rows.getLong(4);
                    long ms = rows.getLong(5);
                    boolean known = !rows.wasNull();
                    perPartition.computeIfAbsent(new TopicPartition(rows.getString(2), rows.getInt(3)), k -> new ArrayList<>())
                            .add(new LagPoint(Instant.ofEpochMilli(at), lag, known ? Duration.ofMillis(ms) : null));
                    long[] total = totals.computeIfAbsent(at, k -> new long[]{0, -1});
                    total[0] += lag;
                    total[1] = known ? Math.max(total[1], ms) : total[1];
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The lag history could not be read: " + e.getMessage(), e);
        }
        List<LagPoint> total = new ArrayList<>();
        totals.forEach((at, t) -> total.add(new LagPoint(Instant.ofEpochMilli(at), t[0], t[1] < 0 ? null : Duration.ofMillis(t[1]))));
        return new GroupHistory(groupId, total, perPartition);
    }

    private int groupKey(String groupId) throws SQLException {
        Integer key = groupKeys.get(groupId);
        if (key == null) {
            key = keyOf("SELECT id FROM lag_group WHERE group_id = ?", "INSERT INTO lag_group (group_id) VALUES (?)", groupId);
            groupKeys.put(groupId, key);
        }
        return key;
    }

    private int seriesKey(String groupId, TopicPartition tp) throws SQLException {
        String name = groupId + '\u0000' + tp;
        Integer key = seriesKeys.get(name);
        if (key != null) {
            return key;
        }
        try (PreparedStatement find = connection.prepareStatement("SELECT id FROM lag_series WHERE group_id = ? AND topic = ? AND part = ?")) {
            find.setString(1, groupId);
            find.setString(2, tp.topic());
            find.setInt(3, tp.partition());
            try (ResultSet rows = find.executeQuery()) {
                if (rows.next()) {
                    key = rows.getInt(1);
                }
            }
        }
        if (key == null) {
            try (PreparedStatement add = connection.prepareStatement(
                    "INSERT INTO lag_series (group_id, topic, part, group_key) VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                add.setString(1, groupId);
                add.setString(2, tp.topic());
                add.setInt(3, tp.partition());
                add.setInt(4, groupKey(groupId));
                add.executeUpdate();
                key = generated(add);
            }
        }
        seriesKeys.put(name, key);
        return key;
    }

    private int keyOf(String findSql, String addSql, String value) throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(findSql)) {
            find.setString(1, value);
            try (ResultSet rows = find.executeQuery()) {
                if (rows.next()) {
                    return rows.getInt(1);
                }
            }
        }
        try (PreparedStatement add = connection.prepareStatement(addSql, Statement.RETURN_GENERATED_KEYS)) {
            add.setString(1, value);
            add.executeUpdate();
            return generated(add);
        }
    }

    private static int generated(PreparedStatement statement) throws SQLException {
        try (ResultSet keys = statement.getGeneratedKeys()) {
            keys.next();
            return keys.getInt(1);
        }
    }

    private void prune(Instant before) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM lag_sample WHERE at_ms < ?")) {
            delete.setLong(1, before.toEpochMilli());
            delete.executeUpdate();
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The original failure is the one worth reporting.
        }
    }

    private void autoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // Next use reports a broken connection.
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing a file database that is already gone needs no message.
        }
    }
}
