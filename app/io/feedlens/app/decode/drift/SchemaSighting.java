package io.feedlens.app.decode.drift;

import java.time.Instant;
import java.util.Map;

import io.feedlens.app.decode.Format;
import io.feedlens.lineage.RecordCoordinates;

/**
 * One schema seen on a topic: how it is named, its shape as field paths, how many records carried it,
 * and the first and last of them (by record time) with their coordinates.
 */
public record SchemaSighting(int number, Format format, String schema, Map<String, String> fieldPaths, long records,
                             RecordCoordinates first, Instant firstTime, RecordCoordinates last, Instant lastTime) {

    public SchemaSighting {
        fieldPaths = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(fieldPaths));
    }
}
