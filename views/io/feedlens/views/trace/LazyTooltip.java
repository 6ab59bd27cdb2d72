package io.feedlens.views.trace;

import java.util.function.Supplier;

import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A tooltip made when the pointer first comes near, not when the node is drawn: a trace draws a dot per source event
 * and a badge per flag, and making dozens of tooltips nobody hovers over is a measurable part of drawing it.
 */
final class LazyTooltip {

    private LazyTooltip() {
    }

    static void install(Node node, Supplier<String> text) {
        node.addEventHandler(MouseEvent.MOUSE_ENTERED, new javafx.event.EventHandler<>() {
            @Override
            public void handle(MouseEvent event) {
                node.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                Tooltip.install(node, new Tooltip(text.get()));
            }
        });
    }
}
