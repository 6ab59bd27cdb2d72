package io.feedlens.lineage.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small table of names (topics, or sources, views and models) that rows refer to by number, cached in memory
 * (the names this store loaded at open or wrote since).
 * New names are inserted in the caller's open transaction; if it rolls back, {@link #forgetPending} drops them
 * from the cache too, so cache and database never disagree.
 */
final class NameTable {

    /** Only a writer adding new names without end could keep another from getting an id this long. */
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(60);

    private final String table;
    private final int limit;
    private final Map<String, Integer> ids = new HashMap<>();
    private final Map<Integer, String> names = new HashMap<>();
    private final List<String> pending = new ArrayList<>();
    /** For names another indexer on the same database added after this store loaded its cache. */
    private Connection connection;

    NameTable(String table, int limit) {
        this.table = table;
        this.limit = limit;
    }

    void load(Connection connection) throws SQLException {
        this.connection = connection;
        ids.clear();
        names.clear();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, name FROM " + table);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                ids.put(rows.getString(2), rows.getInt(1));
                names.put(rows.getInt(1), rows.getString(2));
            }
        }
    }

    /**
     * The id of a name, inserting it (in the open transaction) when new. The id comes from the database, not from this
     * cache's size: several indexers may share one database (decision 12), and each one's cache holds only what it saw.
     */
    int idOf(Connection connection, String name) throws SQLException {
        Integer known = ids.get(name);
        if (known != null) {
            return known;
        }
        int id = storedOrNew(connection, name);
        if (id >= limit) {
            throw new IllegalStateException("The lineage index holds at most " + (limit - 1) + " entries in " + table);
        }
        ids.put(name, id);
        names.put(id, name);
        pending.add(name);
        return id;
    }

    /**
     * The next id is the largest visible one plus one, so writers adding names at the same moment pick the same id;
     * the loser's insert fails and it looks again. A limit on time, not on lost races: each one is another writer's
     * name committed, and a writer adding names in every batch wins the next id again and again while the loser wakes
     * from waiting for its commit (7 in a row in 30 runs of SharedIndexTest's race; a CI run failed at the old limit, 8).
     */
    private int storedOrNew(Connection connection, String name) throws SQLException {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + table + " (id, name) SELECT COALESCE(MAX(id), 0) + 1, ? FROM " + table)) {
            insert.setString(1, name);
            while (true) {
                Integer stored = stored(connection, name);
                if (stored != null) {
                    return stored;
                }
                if (RacingInsert.tryInsert(connection, insert)) {
                    return stored(connection, name);
                }
                if (System.nanoTime() > deadline) {
                    throw new LineageStoreException("Could not add " + name + " to " + table + ": other writers took every"
                            + " next id for " + GIVE_UP_AFTER.toSeconds() + " s", null);
                }
            }
        }
    }

    private Integer stored(Connection connection, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM " + table + " WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getInt(1) : null;
            }
        }
    }

    Optional<Integer> find(String name) {
        if (!ids.containsKey(name)) {
            reload();
        }
        return Optional.ofNullable(ids.get(name));
    }

    String nameOf(int id) {
        if (!names.containsKey(id)) {
            reload();
        }
        return names.get(id);
    }

    /** A miss may be a name another indexer on the same database added since this cache loaded; the table is small. */
    private void reload() {
        try {
            load(connection);
        } catch (SQLException e) {
            throw new LineageStoreException("Cannot read " + table + ": " + e.getMessage(), e);
        }
    }

    void committed() {
        pending.clear();
    }

    void forgetPending() {
        for (String name : pending) {
            names.remove(ids.remove(name));
        }
        pending.clear();
    }
}
