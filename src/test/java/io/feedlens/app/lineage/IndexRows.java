package io.feedlens.app.lineage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every row of an index with its numbers resolved: record keys as topic/partition@offset, name ids as names. Two
 * indexes hold the same lineage when these rows are equal, whichever writer met a topic or a source first (several
 * indexers of one group hand out those ids in the order they meet them).
 */
final class IndexRows {

    private static final long PARTITION_SHIFT = 36;
    private static final long TOPIC_SHIFT = 48;
    private static final Map<String, Set<String>> KEYS = Map.of("model_view", Set.of(),
            "skipped_record", Set.of("REC_KEY"), "index_offsets", Set.of());
    private static final Set<String> NAMES = Set.of("VIEW_ID", "MODEL_ID");

    private IndexRows() {
    }

    static List<String> of(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + file.toAbsolutePath(), "sa", "");
             Statement statement = connection.createStatement()) {
            io.feedlens.lineage.store.LineageStore store = io.feedlens.lineage.store.LineageStore.on(connection);
            Map<Long, String> topics = names(statement, "lineage_topic");
            Map<Long, String> names = names(statement, "lineage_name");
            List<String> rows = new ArrayList<>();
            for (Map.Entry<String, Set<String>> table : KEYS.entrySet()) {
                try (ResultSet result = statement.executeQuery("SELECT * FROM " + table.getKey())) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        StringBuilder row = new StringBuilder(table.getKey());
                        for (int c = 1; c <= columns; c++) {
                            String column = result.getMetaData().getColumnName(c);
                            Object value = result.getObject(c);
                            row.append('|').append(value == null ? "null" : table.getValue().contains(column)
                                    ? coordinates(result.getLong(c), topics) : NAMES.contains(column) ? names.get(result.getLong(c)) : value);
                        }
                        rows.add(row.toString());
                    }
                }
            }
            // Records, parent links and used entries are stored in blocks per batch: compared one by one, whatever the
            // batches were, with names resolved by the store.
            store.read(q -> q.records()).forEach(record -> rows.add("record|" + record));
            store.read(q -> q.parentLinks()).forEach(link -> rows.add("parent_link|" + link));
            store.read(q -> q.usedEntries()).forEach(entry -> rows.add("used_entry|" + entry));
            rows.sort(null);
            return rows;
        }
    }

    private static Map<Long, String> names(Statement statement, String table) throws SQLException {
        Map<Long, String> names = new HashMap<>();
        try (ResultSet rows = statement.executeQuery("SELECT id, name FROM " + table)) {
            while (rows.next()) {
                names.put(rows.getLong(1), rows.getString(2));
            }
        }
        return names;
    }

    private static String coordinates(long key, Map<Long, String> topics) {
        return topics.get(key >>> TOPIC_SHIFT) + "/" + ((key >>> PARTITION_SHIFT) & 0xFFF) + "@" + (key & ((1L << PARTITION_SHIFT) - 1));
    }
}
