package io.feedlens.views.trace;

import java.time.ZoneId;
import java.util.Locale;

import io.feedlens.app.browse.FetchedRecord;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.lineage.trace.Trace;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Polygon;

/**
 * The trace drawn left to right — source events → feature records → the decision — from a {@link TraceGraph}
 * layout. Each box is a small card (kind, id, coordinates, time, value or output, flags); each arrow says whether the
 * link is asserted by the decision or inferred by the as-of join (dashed). Clicking a card selects it.
 */
final class LineageGraphPane extends Pane {

    private final TraceViewModel model;
    private final java.util.function.Supplier<RecordDecoder> decoder;

    LineageGraphPane(TraceViewModel model, java.util.function.Supplier<RecordDecoder> decoder) {
        this.model = model;
        this.decoder = decoder;
        setId("lineage-graph");
        getStyleClass().add("lineage-graph");
        model.traceProperty().addListener((o, before, now) -> redraw());
        model.expanded().addListener((javafx.collections.SetChangeListener<Integer>) change -> redraw());
        model.selectedProperty().addListener((o, before, now) -> markSelected());
    }

    private void redraw() {
        getChildren().clear();
        Trace trace = model.traceProperty().get();
        if (trace == null) {
            return;
        }
        TraceGraph graph = new TraceGraph(trace, model.expanded());
        setPrefSize(graph.width(), graph.height());
        setMinSize(graph.width(), graph.height());
        graph.edges().forEach(edge -> getChildren().addAll(arrow(edge)));
        FetchedRecord decisionRecord = TraceBoxes.coordinates(trace, graph.boxes().get(graph.boxes().size() - 1))
                .map(at -> model.fetchedProperty().get().get(at)).orElse(null);
        graph.boxes().forEach(box -> getChildren().add(card(trace, box, decisionRecord)));
        markSelected();
    }

    private Node card(Trace trace, TraceGraph.Box box, FetchedRecord decisionRecord) {
        Label kind = new Label(TraceBoxes.kind(trace, box));
        kind.getStyleClass().add("card-kind");
        Label id = new Label(TraceBoxes.id(trace, box));
        id.getStyleClass().add("card-id");
        Label where = new Label(TraceBoxes.where(trace, box, ZoneId.systemDefault()));
        where.getStyleClass().add("card-where");
        VBox card = new VBox(1, kind, id, where);
        String detail = TraceBoxes.detail(trace, box, decisionRecord, decoder.get());
        if (!detail.isEmpty()) {
            Label detailLabel = new Label(detail);
            detailLabel.getStyleClass().add("card-detail");
            detailLabel.setWrapText(true);
            card.getChildren().add(detailLabel);
        }
        var flags = TraceBoxes.flags(trace, box);
        if (!flags.isEmpty()) {
            card.getChildren().add(FlagLook.badges(flags));
        }
        card.getStyleClass().addAll("trace-card", "trace-card-" + box.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (!flags.isEmpty()) {
            card.getStyleClass().add("trace-card-flagged");
        }
        card.setId(cardId(box));
        card.setUserData(box);
        card.relocate(box.x(), box.y());
        card.setPrefSize(TraceGraph.WIDTH, box.height());
        card.setMaxSize(TraceGraph.WIDTH, box.height());
        card.resize(TraceGraph.WIDTH, box.height());
        card.setOnMouseClicked(e -> model.select(box));
        return card;
    }

    /** Stable ids for tests and for people using accessibility tools: "card-decision", "card-feature-0", "card-event-0-2". */
    static String cardId(TraceGraph.Box box) {
        return switch (box.kind()) {
            case DECISION -> "card-decision";
            case FEATURE -> "card-feature-" + box.input();
            case EVENTS_COLLAPSED -> "card-events-" + box.input();
            case EVENT -> "card-event-" + box.input() + "-" + box.event();
        };
    }

    private Node[] arrow(TraceGraph.Edge edge) {
        double startX = edge.from().x() + TraceGraph.WIDTH;
        double startY = edge.from().centerY();
        double endX = edge.to().x() - 6;
        double endY = edge.to().centerY();
        double bend = (endX - startX) / 2;
        CubicCurve line = new CubicCurve(startX, startY, startX + bend, startY, endX - bend, endY, endX, endY);
        line.getStyleClass().addAll("trace-edge", edge.inferred() ? "trace-edge-inferred" : "trace-edge-asserted");
        Polygon head = new Polygon(endX, endY - 4, endX + 6, endY, endX, endY + 4);
        head.getStyleClass().add("trace-edge-head");
        if (edge.to().kind() != TraceGraph.Kind.DECISION) {
            return new Node[] {line, head};
        }
        Label says = new Label(edge.inferred() ? "inferred" : "asserted");
        says.getStyleClass().addAll("trace-edge-label", edge.inferred() ? "trace-edge-inferred" : "trace-edge-asserted");
        says.relocate(startX + 6, startY - 16);
        return new Node[] {line, head, says};
    }

    private void markSelected() {
        TraceGraph.Box selected = model.selectedProperty().get();
        for (Node child : getChildren()) {
            if (child.getUserData() instanceof TraceGraph.Box) {
                child.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("selected"), child.getUserData().equals(selected));
            }
        }
    }
}
