package io.feedlens.lineage.model;

import java.util.Objects;

import io.feedlens.lineage.RecordCoordinates;

/**
 * One input of a feature record (W3C PROV's {@code wasDerivedFrom}), as {@code ce_lineageparents} or
 * {@code ce_causationid} names it: by fact id ({@code id:<ce_id>}), by coordinates ({@code topic/p@offset}),
 * or by a window of offsets ({@code topic/p@from-to}, both ends included).
 */
public record DerivedFrom(Kind kind, String id, String topic, int partition, long from, long to) {

    public enum Kind { BY_ID, BY_COORDINATES, WINDOW }

    public DerivedFrom {
        Objects.requireNonNull(kind, "kind");
    }

    public static DerivedFrom byId(String id) {
        return new DerivedFrom(Kind.BY_ID, id, null, -1, -1, -1);
    }

    public static DerivedFrom at(RecordCoordinates coordinates) {
        return new DerivedFrom(Kind.BY_COORDINATES, null, coordinates.topic(), coordinates.partition(),
                coordinates.offset(), coordinates.offset());
    }

    public static DerivedFrom window(String topic, int partition, long from, long to) {
        if (to < from) {
            throw new IllegalArgumentException("A window ends before it starts: " + topic + "/" + partition + "@" + from + "-" + to);
        }
        return new DerivedFrom(Kind.WINDOW, null, topic, partition, from, to);
    }

    /** Reads one {@code ce_lineageparents} entry. */
    public static DerivedFrom parse(String entry) {
        String text = entry.trim();
        if (text.startsWith("id:")) {
            return byId(text.substring(3));
        }
        int at = text.lastIndexOf('@');
        int dash = text.indexOf('-', Math.max(at, 0));
        if (at > 0 && dash > at) {
            RecordCoordinates first = RecordCoordinates.parse(text.substring(0, dash));
            try {
                return window(first.topic(), first.partition(), first.offset(), Long.parseLong(text.substring(dash + 1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Expected topic/partition@from-to, got '" + text + "'", e);
            }
        }
        return at(RecordCoordinates.parse(text));
    }

    /** The first record this names, for coordinates and windows. */
    public RecordCoordinates start() {
        return new RecordCoordinates(topic, partition, from);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case BY_ID -> "id:" + id;
            case BY_COORDINATES -> topic + "/" + partition + "@" + from;
            case WINDOW -> topic + "/" + partition + "@" + from + "-" + to;
        };
    }
}
