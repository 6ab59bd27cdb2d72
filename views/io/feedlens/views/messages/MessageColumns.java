package io.feedlens.views.messages;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import io.feedlens.app.decode.DecodedRecord;

/** The columns of the messages table. Cells show short text; tooltips carry what does not fit. */
final class MessageColumns {

    private static final int PREVIEW = 200;

    private MessageColumns() {
    }

    static List<MessageColumn> all(ZoneId zone) {
        return List.of(
                number("Partition", 90, r -> r.coordinates().partition()),
                number("Offset", 76, r -> r.coordinates().offset()),
                text("Timestamp", 220, r -> RecordText.time(r.timestamp(), zone),
                        r -> r.timestampType() + " · " + java.time.Instant.ofEpochMilli(r.timestamp()))
                        .orderedBy(Comparator.comparingLong(DecodedRecord::timestamp)),
                text("Key", 120, r -> r.key().preview(PREVIEW), r -> r.key().preview(400)),
                text("Value", 420, r -> r.value().preview(PREVIEW), r -> r.value().preview(1000)),
                number("Headers", 74, r -> r.headers().size()),
                new MessageColumn("Size", 72, r -> RecordText.size(r.key().size() + r.value().size()), r -> null, true, false)
                        .orderedBy(Comparator.comparingLong(r -> r.key().size() + r.value().size())),
                text("Format", 80, r -> r.value().format().label(), r -> "key: " + r.key().format().label()),
                new MessageColumn("Status", 150, RecordText::status, RecordText::status, false, true));
    }

    private static MessageColumn number(String title, double width, ToLongFunction<DecodedRecord> value) {
        return new MessageColumn(title, width, r -> Long.toString(value.applyAsLong(r)), r -> null, true, false)
                .orderedBy(Comparator.comparingLong(value));
    }

    private static MessageColumn text(String title, double width, Function<DecodedRecord, String> shown,
                                      Function<DecodedRecord, String> tooltip) {
        return new MessageColumn(title, width, shown, tooltip, false, false);
    }
}
