package io.feedlens.views.groups;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.feedlens.app.groups.LagPoint;
import io.feedlens.views.groups.GroupDetailViewModel.Span;
import io.feedlens.views.groups.GroupDetailViewModel.Unit;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The selected group's total lag over the last hour or day, in records or in seconds. The x axis counts minutes
 * (or hours) before now, so the right edge is always "now" whatever the clock says.
 */
final class LagChartPane extends VBox {

    /** Three missed samples make a gap in the line. */
    private static final Duration GAP = Duration.ofSeconds(35);

    private final GroupDetailViewModel model;
    private final NumberAxis time = new NumberAxis();
    private final NumberAxis lag = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(time, lag);
    /** Style class of the chart while it draws the group's total in one colour. */
    private static final String TOTAL_LAG = "total-lag";

    LagChartPane(GroupDetailViewModel model) {
        super(6);
        this.model = model;
        setPadding(new Insets(8, 12, 8, 12));
        chart.setId("lag-chart");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        time.setAutoRanging(false);
        time.setForceZeroInRange(false);
        lag.setForceZeroInRange(true);
        Label message = new Label();
        message.setId("lag-chart-message");
        message.getStyleClass().add("text-muted");
        message.setWrapText(true);
        message.textProperty().bind(model.historyMessageProperty());
        message.visibleProperty().bind(model.historyMessageProperty().isEmpty().not());
        // Said above the empty plot, not across it.
        StackPane.setAlignment(message, Pos.TOP_CENTER);
        StackPane.setMargin(message, new Insets(12, 24, 0, 60));
        message.getStyleClass().add("chart-message");
        StackPane area = new StackPane(chart, message);
        VBox.setVgrow(area, Priority.ALWAYS);
        getChildren().addAll(toggles(), area);
        model.history().addListener((ListChangeListener<LagPoint>) c -> redraw());
        model.unitProperty().addListener((o, before, now) -> redraw());
        model.spanProperty().addListener((o, before, now) -> redraw());
        model.perPartitionProperty().addListener((o, before, now) -> redraw());
        redraw();
    }

    private HBox toggles() {
        Label title = new Label("Lag history");
        title.getStyleClass().add("title-4");
        ToggleGroup spans = new ToggleGroup();
        ToggleButton hour = toggle("Last hour", "chart-hour", spans, () -> model.spanProperty().set(Span.HOUR));
        ToggleButton day = toggle("Last day", "chart-day", spans, () -> model.spanProperty().set(Span.DAY));
        ToggleGroup units = new ToggleGroup();
        ToggleButton records = toggle("Records", "chart-records", units, () -> model.unitProperty().set(Unit.RECORDS));
        ToggleButton seconds = toggle("Seconds", "chart-seconds", units, () -> model.unitProperty().set(Unit.SECONDS));
        (model.spanProperty().get() == Span.HOUR ? hour : day).setSelected(true);
        (model.unitProperty().get() == Unit.RECORDS ? records : seconds).setSelected(true);
        Region gap = new Region();
        gap.setMinWidth(12);
        ToggleButton partitions = new ToggleButton("Per partition");
        partitions.setId("chart-per-partition");
        partitions.getStyleClass().add("small");
        partitions.selectedProperty().bindBidirectional(model.perPartitionProperty());
        Region gap2 = new Region();
        gap2.setMinWidth(12);
        HBox bar = new HBox(4, title, new Region(), hour, day, gap, records, seconds, gap2, partitions);
        ((Region) bar.getChildren().get(1)).setMinWidth(16);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static ToggleButton toggle(String text, String id, ToggleGroup group, Runnable chosen) {
        ToggleButton button = new ToggleButton(text);
        button.setId(id);
        button.getStyleClass().add("small");
        button.setToggleGroup(group);
        // A toggle group lets the selected button be clicked off; a chart always shows some span and unit.
        button.setOnAction(e -> {
            if (!button.isSelected()) {
                button.setSelected(true);
            }
            chosen.run();
        });
        return button;
    }

    private void redraw() {
        boolean hours = model.spanProperty().get() == Span.DAY;
        double perUnit = hours ? 3_600_000.0 : 60_000.0;
        frameAxes(hours, perUnit);
        // A dot per sample over an hour (360 at most) shows lone samples; a day's 8,640 nodes would only cost.
        chart.setCreateSymbols(!hours);
        Instant now = Instant.now();
        chart.getStyleClass().remove(TOTAL_LAG);
        if (model.perPartitionProperty().get()) {
            drawPartitions(now, perUnit);
            return;
        }
        chart.getStyleClass().add(TOTAL_LAG);
        chart.setLegendVisible(false);
        List<XYChart.Series<Number, Number>> lines = new ArrayList<>();
        XYChart.Series<Number, Number> line = null;
        Instant previous = null;
        for (LagPoint point : model.history()) {
            Number value = model.chartValue(point);
            // Where FeedLens was not running there are no samples: a gap, not a straight line across it.
            boolean gap = previous != null && Duration.between(previous, point.at()).compareTo(GAP) > 0;
            if (value == null || line == null || gap) {
                line = value == null ? null : new XYChart.Series<>();
                if (line != null) {
                    lines.add(line);
                }
            }
            if (line != null) {
                double ago = (point.at().toEpochMilli() - now.toEpochMilli()) / perUnit;
                line.getData().add(new XYChart.Data<>(ago, value));
            }
            previous = point.at();
        }
        // One setAll per redraw: the chart lays out once, not once per point.
        chart.getData().setAll(lines);
    }

    /** One line per partition, named in the legend; gaps are not broken here, so each partition keeps one colour. */
    private void drawPartitions(Instant now, double perUnit) {
        List<XYChart.Series<Number, Number>> lines = new ArrayList<>();
        model.partitionHistory().forEach((partition, points) -> {
            XYChart.Series<Number, Number> line = new XYChart.Series<>();
            line.setName(partition);
            for (LagPoint point : points) {
                Number value = model.chartValue(point);
                if (value != null) {
                    line.getData().add(new XYChart.Data<>((point.at().toEpochMilli() - now.toEpochMilli()) / perUnit, value));
                }
            }
            lines.add(line);
        });
        chart.setLegendVisible(true);
        chart.getData().setAll(lines);
    }

    private void frameAxes(boolean hours, double perUnit) {
        double width = model.spanLength().toMillis() / perUnit;
        time.setLowerBound(-width);
        time.setUpperBound(0);
        time.setTickUnit(hours ? 2 : 5);
        time.setLabel(hours ? "hours ago" : "minutes ago");
        time.setTickLabelFormatter(new StringConverter<>() {
            public String toString(Number value) {
                return value.doubleValue() == 0 ? "now" : String.valueOf(Math.round(-value.doubleValue()));
            }

            public Number fromString(String text) {
                return null;
            }
        });
        lag.setLabel(model.unitProperty().get() == Unit.RECORDS ? "lag (records)" : "lag (seconds)");
    }
}
