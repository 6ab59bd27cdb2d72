package io.feedlens.views.desktop;

import java.util.List;

/**
 * A table, not a {@code TableView}, whose columns are kept between runs like every table's ({@link TableLayouts}):
 * it says how its columns are now and takes back how they were left. Found by its id and the {@code table-view} style class.
 */
public interface KeptColumns {

    List<DesktopState.ColumnLayout> columnLayout();

    /** Puts back what it can of {@code layout}; columns it does not know are left alone. */
    void applyColumnLayout(List<DesktopState.ColumnLayout> layout);
}
