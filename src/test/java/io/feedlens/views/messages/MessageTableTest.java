package io.feedlens.views.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.feedlens.app.decode.DecodedRecord;
import io.feedlens.app.decode.DecoderSettings;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.views.Workbench;
import io.feedlens.views.shell.Theme;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The message table as people use it: rows they can read, choose, sort, widen and hover, in either theme. */
@ExtendWith(ApplicationExtension.class)
class MessageTableTest {

    private static final RecordDecoder DECODER = new RecordDecoder(DecoderSettings.automatic());
    private static final String LONG_VALUE = "{\"note\":\"" + "x".repeat(600) + "\",\"end\":true}";

    private final ObservableList<DecodedRecord> records = FXCollections.observableArrayList();
    private MessageTable table;

    @Start
    void start(Stage stage) {
        table = new MessageTable(records, MessageColumns.all(ZoneOffset.UTC), "No records yet");
        table.setId("message-table");
        Scene scene = new Scene(table, 900, 400);
        Workbench.dress(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void anEmptyTableSaysSoAndRowsShowTheirCellsCutToTheColumn(FxRobot robot) {
        assertThat(robot.lookup(".placeholder").queryAs(javafx.scene.Node.class).isVisible()).isTrue();
        assertThat(robot.lookup(".placeholder .label").queryAs(Label.class).getText()).isEqualTo("No records yet");

        robot.interact(() -> records.setAll(payments(0, 40)));

        assertThat(robot.lookup(".placeholder").queryAs(javafx.scene.Node.class).isVisible()).isFalse();
        List<String> shown = texts(robot);
        assertThat(shown).contains("0", "key-0", "2026-11-26 07:00:00.000", "{\"amount\":0}");
        assertThat(shown).as("only the rows in view are drawn").doesNotContain("key-39");
        robot.interact(() -> records.set(1, record(0, 1, "key-1", LONG_VALUE)));
        String cut = texts(robot).stream().filter(text -> text.startsWith("{\"note\":\"xxx")).findFirst().orElseThrow();
        assertThat(cut).endsWith("…").hasSizeLessThan(60);
    }

    @Test
    void aClickChoosesARowAndTheKeysMoveTheChoice(FxRobot robot) {
        robot.interact(() -> records.setAll(payments(0, 200)));

        robot.clickOn(where(robot, "key-3"));
        assertThat(chosenKey()).isEqualTo("key-3");
        assertThat(table.getAccessibleText()).as("what a screen reader says of the chosen row")
                .startsWith("Row 4 of 200: Partition 0, Offset 3, Timestamp 2026-11-26 07:00:03.000, Key key-3, Value {\"amount\":3}");
        robot.type(KeyCode.DOWN);
        assertThat(chosenKey()).isEqualTo("key-4");
        robot.type(KeyCode.END);
        assertThat(chosenKey()).isEqualTo("key-199");
        assertThat(texts(robot)).as("the chosen row is scrolled into view").contains("key-199").doesNotContain("key-3");
        robot.type(KeyCode.PAGE_UP);
        assertThat(chosenKey()).isNotEqualTo("key-199");
        robot.type(KeyCode.HOME);
        assertThat(chosenKey()).isEqualTo("key-0");
        assertThat(texts(robot)).contains("key-0");
    }

    @Test
    void theWheelScrollsRowsAndWithShiftTheColumnsOutOfView(FxRobot robot) {
        robot.interact(() -> records.setAll(payments(0, 200)));
        assertThat(texts(robot)).contains("key-0").doesNotContain("OK");

        wheel(robot, false, -3);
        assertThat(texts(robot)).doesNotContain("key-0").contains("key-9");
        wheel(robot, true, -10);

        assertThat(texts(robot)).as("the status column, right of the window's edge before").contains("OK");
    }

    @Test
    void aTitleSortsUpThenDownThenBackToArrivalOrder(FxRobot robot) {
        List<DecodedRecord> arrived = new ArrayList<>(List.of(record(2, 7, "c", "{}"), record(0, 9, "a", "{}"), record(1, 8, "b", "{}")));
        robot.interact(() -> records.setAll(arrived));

        robot.clickOn("#message-column-offset");
        assertThat(offsets()).containsExactly(7L, 8L, 9L);
        assertThat(robot.lookup("#message-column-offset .label").queryAs(Label.class).getText()).isEqualTo("Offset  ▲");
        robot.clickOn("#message-column-offset");
        assertThat(offsets()).containsExactly(9L, 8L, 7L);
        robot.clickOn("#message-column-offset");
        assertThat(offsets()).containsExactly(7L, 9L, 8L);
        assertThat(robot.lookup("#message-column-offset .label").queryAs(Label.class).getText()).isEqualTo("Offset");
    }

    @Test
    void draggingATitlesRightEdgeWidensItsColumnAndShowsMoreOfTheText(FxRobot robot) {
        robot.interact(() -> records.setAll(List.of(record(0, 0, "a-key-long-enough-to-be-cut-in-a-narrow-column", "{}"))));
        assertThat(texts(robot)).noneMatch(text -> text.equals("a-key-long-enough-to-be-cut-in-a-narrow-column"));
        var keyTitle = robot.lookup("#message-column-key").queryAs(javafx.scene.layout.Region.class);
        Point2D edge = keyTitle.localToScreen(keyTitle.getWidth() - 1, keyTitle.getHeight() / 2);

        robot.drag(edge, MouseButton.PRIMARY).moveBy(300, 0).release(MouseButton.PRIMARY);

        assertThat(keyTitle.getWidth()).isGreaterThan(400);
        assertThat(texts(robot)).contains("a-key-long-enough-to-be-cut-in-a-narrow-column");
    }

    @Test
    void columnWidthsAreKeptBetweenRunsLikeEveryTables(FxRobot robot) {
        var saved = java.util.Map.of("message-table", List.of(new io.feedlens.views.desktop.DesktopState.ColumnLayout("message-column-key", 333),
                new io.feedlens.views.desktop.DesktopState.ColumnLayout("a-column-of-an-older-version", 50)));
        var layouts = new io.feedlens.views.desktop.TableLayouts(saved);

        robot.interact(() -> layouts.applyWithin(table.getScene().getRoot()));

        var keyTitle = robot.lookup("#message-column-key").queryAs(javafx.scene.layout.Region.class);
        assertThat(keyTitle.getWidth()).isEqualTo(333);
        robot.interact(() -> table.applyColumnLayout(List.of(new io.feedlens.views.desktop.DesktopState.ColumnLayout("message-column-offset", 140))));
        assertThat(layouts.capture(List.of(table.getScene().getRoot())).get("message-table"))
                .contains(new io.feedlens.views.desktop.DesktopState.ColumnLayout("message-column-key", 333),
                        new io.feedlens.views.desktop.DesktopState.ColumnLayout("message-column-offset", 140));
    }

    @Test
    void hoveringACellCutShortShowsItInFull(FxRobot robot) {
        robot.interact(() -> records.setAll(List.of(record(0, 0, "k", LONG_VALUE))));
        String cut = texts(robot).stream().filter(text -> text.startsWith("{\"note\"")).findFirst().orElseThrow();

        robot.moveTo(where(robot, table.rows().get(0).value().preview(200))).moveBy(2, 0);

        MessagesScreenTest.waitUntil(() -> tooltipShowing().filter(text -> text.contains("\"end\":true")).isPresent());
        assertThat(cut).doesNotContain("\"end\":true");
    }

    @Test
    void theRowsAreDrawnInTheDarkThemesColoursWhenItIsChosen(FxRobot robot) {
        robot.interact(() -> records.setAll(payments(0, 5)));
        double lightRow = brightnessOfTheFirstRow(robot);
        try {
            robot.interact(Theme.DARK::apply);
            assertThat(brightnessOfTheFirstRow(robot)).isLessThan(0.3).isLessThan(lightRow);
        } finally {
            robot.interact(Theme.LIGHT::apply);
        }
        assertThat(lightRow).isGreaterThan(0.8);
    }

    /**
     * Turns the wheel over the rows {@code notches} times (negative: down, towards the user), with Shift held or not, as
     * a desktop reports it: 40 pixels and 3 lines a notch. (Monocle's robot reports one pixel, upwards, for a notch down.)
     */
    private void wheel(FxRobot robot, boolean shift, int notches) {
        robot.interact(() -> {
            javafx.scene.Node rows = table.getChildrenUnmodifiable().stream().filter(node -> node instanceof javafx.scene.canvas.Canvas)
                    .findFirst().orElseThrow();
            double sign = Math.signum(notches);
            for (int i = 0; i < Math.abs(notches); i++) {
                rows.fireEvent(new javafx.scene.input.ScrollEvent(javafx.scene.input.ScrollEvent.SCROLL, 100, 100,
                        100, 100, shift, false, false, false, false, false, 0, sign * 40, 0, sign * 40,
                        javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                        javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.LINES, sign * 3, 0, null));
            }
        });
    }

    private double brightnessOfTheFirstRow(FxRobot robot) {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = table.snapshot(null, null));
        // The row's left end: the partition number is drawn at the column's right, so this pixel is background.
        Point2D inRow = table.screenToLocal(where(robot, "key-0"));
        Color pixel = image[0].getPixelReader().getColor(4, (int) inRow.getY());
        return pixel.getBrightness();
    }

    private Optional<String> tooltipShowing() {
        return Window.getWindows().stream().filter(window -> window instanceof Tooltip && window.isShowing())
                .map(window -> ((Tooltip) window).getText()).findFirst();
    }

    private Point2D where(FxRobot robot, String text) {
        List<Optional<Point2D>> found = new ArrayList<>();
        robot.interact(() -> found.add(table.whereShown(text)));
        return found.get(0).orElseThrow(() -> new AssertionError("no cell shows " + text + "; on screen: " + table.textsShown()));
    }

    private List<String> texts(FxRobot robot) {
        List<List<String>> texts = new ArrayList<>();
        robot.interact(() -> texts.add(table.textsShown()));
        return texts.get(0);
    }

    private String chosenKey() {
        return table.chosenProperty().get().key().preview(100);
    }

    private List<Long> offsets() {
        return table.rows().stream().map(r -> r.coordinates().offset()).toList();
    }

    private static List<DecodedRecord> payments(int from, int to) {
        List<DecodedRecord> made = new ArrayList<>();
        for (int i = from; i < to; i++) {
            made.add(record(0, i, "key-" + i, "{\"amount\":" + i + "}"));
        }
        return made;
    }

    /** A record as the decoder makes it from what a consumer reads; each a second after 07:00 on 2026-11-26 per offset. */
    private static DecodedRecord record(int partition, long offset, String key, String value) {
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        byte[] valueBytes = value.getBytes(StandardCharsets.UTF_8);
        return DECODER.decode(new ConsumerRecord<>("payments", partition, offset, 1_795_676_400_000L + offset * 1000,
                TimestampType.CREATE_TIME, keyBytes.length, valueBytes.length, keyBytes, valueBytes, new RecordHeaders(), Optional.empty()));
    }
}
