package io.feedlens.lineage.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which feature views each model version logged reading ({@code model_view}): a handful of rows, cached in memory so a
 * write adds only the new ones, in the caller's transaction; {@link #forgetPending} undoes the cache on a rollback.
 * Inferring the inputs of a decision without a used list reads this instead of scanning every used entry.
 */
final class ModelViews {

    private record ModelView(int modelId, String modelVersion, int viewId) {
    }

    private final Set<ModelView> known = new HashSet<>();
    private final List<ModelView> pending = new ArrayList<>();

    void load(Connection connection) throws SQLException {
        known.clear();
        try (PreparedStatement select = connection.prepareStatement("SELECT model_id, model_version, view_id FROM model_view");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                known.add(new ModelView(rows.getInt(1), rows.getString(2), rows.getInt(3)));
            }
        }
    }

    void note(Connection connection, int modelId, String modelVersion, int viewId) throws SQLException {
        ModelView seen = new ModelView(modelId, modelVersion, viewId);
        if (!known.add(seen)) {
            return;
        }
        pending.add(seen);
        // Another indexer of a shared index (decision 12) may have noted the same pair since this one loaded its cache,
        // or be noting it now: its uncommitted row is invisible to NOT EXISTS. H2 then runs the insert again until that
        // writer commits (NOT EXISTS is false then); PostgreSQL waits and fails on the key. Either way the row is there.
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO model_view (model_id, model_version, view_id)"
                + " SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM model_view WHERE model_id = ? AND model_version = ? AND view_id = ?)")) {
            for (int offset : new int[] {0, 3}) {
                insert.setInt(1 + offset, modelId);
                insert.setString(2 + offset, modelVersion);
                insert.setInt(3 + offset, viewId);
            }
            RacingInsert.tryInsert(connection, insert);
        }
    }

    void committed() {
        pending.clear();
    }

    void forgetPending() {
        known.removeAll(pending);
        pending.clear();
    }
}
