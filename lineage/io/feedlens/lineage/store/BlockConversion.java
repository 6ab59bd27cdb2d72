package io.feedlens.lineage.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * A schema step that turns a table of one row per link into blocks ({@link ParentBlocks}, {@link UsedBlocks}): the
 * rows, in the order of the record that owns them, become blocks of up to {@code perBlock} owners, then the table is
 * dropped. Runs again from the start after a kill: until the table is dropped, its rows are the truth, so the blocks
 * are emptied first.
 */
final class BlockConversion {

    /** Reads one old row as a link. */
    interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** Writes one block of links, as a batch does. */
    interface BlockWriter<T> {
        void write(Connection connection, List<T> block) throws SQLException;
    }

    private BlockConversion() {
    }

    /** {@code select} reads {@code table}'s rows in owner order; {@code blockTables} are emptied before writing. */
    static <T> void convert(Connection connection, String table, String select, List<String> blockTables, int perBlock,
                            RowReader<T> reader, ToLongFunction<T> owner, BlockWriter<T> writer) throws SQLException {
        if (!tableExists(connection, table)) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String blocks : blockTables) {
                statement.execute("DELETE FROM " + blocks);
            }
            List<T> block = new ArrayList<>();
            long owners = 0;
            long lastOwner = Long.MIN_VALUE;
            try (ResultSet rows = statement.executeQuery(select)) {
                while (rows.next()) {
                    T link = reader.read(rows);
                    long current = owner.applyAsLong(link);
                    if (current != lastOwner && ++owners % perBlock == 0) {
                        writer.write(connection, block);
                        block.clear();
                    }
                    lastOwner = current;
                    block.add(link);
                }
            }
            writer.write(connection, block);
            statement.execute("DROP TABLE " + table);
        }
    }

    /** H2 keeps unquoted names in upper case, PostgreSQL in lower case. */
    static boolean tableExists(Connection connection, String name) throws SQLException {
        for (String spelled : List.of(name.toUpperCase(Locale.ROOT), name)) {
            try (ResultSet tables = connection.getMetaData().getTables(null, null, spelled, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
