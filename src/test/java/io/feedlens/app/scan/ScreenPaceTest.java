package io.feedlens.app.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The screen's clock is moved by hand: a reader that waits, waits until the test paints or moves the clock. */
class ScreenPaceTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final ScreenPace pace = new ScreenPace(now::get);

    @Test
    void aReaderWaitsForALateScreenUntilItHasPainted() throws Exception {
        CompletableFuture<Void> reader = aReaderFacingALateScreen();

        pace.painted();
        reader.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aReaderWaitsAtMostAWhileForAScreenThatStaysLate() throws Exception {
        CompletableFuture<Void> reader = aReaderFacingALateScreen();

        now.addAndGet(ScreenPace.MAX_WAIT_NANOS);
        reader.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aScreenOnTimeHiddenOrLongGoneHoldsNobody() throws Exception {
        giveWayReturnsWithoutTheClockMoving(); // never painted

        pace.painted();
        now.addAndGet(ScreenPace.LATE_NANOS - 1);
        giveWayReturnsWithoutTheClockMoving();

        now.addAndGet(ScreenPace.GONE_NANOS);
        giveWayReturnsWithoutTheClockMoving();

        pace.painted();
        now.addAndGet(ScreenPace.LATE_NANOS + 1);
        pace.notPainting();
        giveWayReturnsWithoutTheClockMoving();

        ScreenPace.NONE.painted();
        giveWayReturnsWithoutTheClockMoving();
    }

    /** A reader that found the screen late, still waiting after 200 ms of real time (the test's clock stands still). */
    private CompletableFuture<Void> aReaderFacingALateScreen() throws InterruptedException {
        pace.painted();
        now.addAndGet(ScreenPace.LATE_NANOS + 1);
        CompletableFuture<Void> reader = CompletableFuture.runAsync(pace::giveWay);
        Thread.sleep(200);
        assertThat(reader).as("still giving way").isNotDone();
        return reader;
    }

    private void giveWayReturnsWithoutTheClockMoving() throws Exception {
        CompletableFuture.runAsync(pace::giveWay).get(5, TimeUnit.SECONDS);
        CompletableFuture.runAsync(ScreenPace.NONE::giveWay).get(5, TimeUnit.SECONDS);
    }
}
