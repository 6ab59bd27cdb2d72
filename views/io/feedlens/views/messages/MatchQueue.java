package io.feedlens.views.messages;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import io.feedlens.app.decode.DecodedRecord;

/**
 * The one hand-over of matches from reading threads to the FX thread, bounded like the table it feeds. A search keeps
 * the first {@code capacity} matches and refuses the rest (the scan still counts them); a live tail keeps the newest,
 * dropping the oldest waiting ones. Either way, memory stays at most one table's worth however fast records come.
 */
final class MatchQueue {

    private final ArrayDeque<DecodedRecord> waiting = new ArrayDeque<>();
    private final int capacity;
    private final boolean keepNewest;
    private long accepted;

    MatchQueue(int capacity, boolean keepNewest) {
        this.capacity = Math.max(1, capacity);
        this.keepNewest = keepNewest;
    }

    /** Called on reading threads with each batch. */
    synchronized void offer(List<DecodedRecord> batch) {
        for (DecodedRecord record : batch) {
            if (!keepNewest && accepted >= capacity) {
                return;
            }
            if (waiting.size() >= capacity) {
                waiting.pollFirst();
            }
            waiting.addLast(record);
            accepted++;
        }
    }

    /** Everything waiting, in arrival order; the queue is empty afterwards. */
    synchronized List<DecodedRecord> takeAll() {
        List<DecodedRecord> taken = new ArrayList<>(waiting);
        waiting.clear();
        return taken;
    }

    boolean keepsNewest() {
        return keepNewest;
    }
}
