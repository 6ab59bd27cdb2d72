package io.feedlens.app.demo;

import java.util.concurrent.atomic.AtomicLong;

/** The counters the live feed's threads bump and the status bar reads. */
final class LiveCounters {

    final AtomicLong payments = new AtomicLong();
    final AtomicLong features = new AtomicLong();
    final AtomicLong decisions = new AtomicLong();
    final AtomicLong scorerPauses = new AtomicLong();
    volatile boolean scorerBehind;

    LiveFeedStats snapshot() {
        return new LiveFeedStats(payments.get(), features.get(), decisions.get(), scorerBehind, scorerPauses.get());
    }
}
