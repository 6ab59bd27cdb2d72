package io.feedlens.lineage.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small table of names (topics, or sources, views and models) that rows refer to by number, cached in memory.
 * New names are inserted in the caller's open transaction; if it rolls back, {@link #forgetPending} drops them
 * from the cache too, so cache and database never disagree.
 */
final class NameTable {

    private final String table;
    private final int limit;
    private final Map<String, Integer> ids = new HashMap<>();
    private final Map<Integer, String> names = new HashMap<>();
    private final List<String> pending = new ArrayList<>();

    NameTable(String table, int limit) {
        this.table = table;
        this.limit = limit;
    }

    void load(Connection connection) throws SQLException {
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

    /** The id of a name, inserting it (in the open transaction) when new. */
    int idOf(Connection connection, String name) throws SQLException {
        Integer known = ids.get(name);
        if (known != null) {
            return known;
        }
        int id = ids.size() + 1;
        if (id >= limit) {
            throw new IllegalStateException("The lineage index holds at most " + (limit - 1) + " entries in " + table);
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (id, name) VALUES (?, ?)")) {
            insert.setInt(1, id);
            insert.setString(2, name);
            insert.executeUpdate();
        }
        ids.put(name, id);
        names.put(id, name);
        pending.add(name);
        return id;
    }

    Optional<Integer> find(String name) {
        return Optional.ofNullable(ids.get(name));
    }

    String nameOf(int id) {
        return names.get(id);
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
