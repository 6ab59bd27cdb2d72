package io.feedlens.app.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** One constructed window per rule of docs/groups-status.md; observations are 10 s apart unless said. */
class BurrowRulesTest {

    private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");

    /** Observations committed every 10 s from START; {@code pairs} is offset, lag, offset, lag, … */
    private static List<OffsetObservation> window(long... pairs) {
        List<OffsetObservation> window = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            window.add(new OffsetObservation(pairs[i], pairs[i + 1], START.plusSeconds(10L * i / 2)));
        }
        return window;
    }

    /** Just after the last observation of a window of {@code size}. */
    private static Instant rightAfter(int size) {
        return START.plusSeconds(10L * (size - 1) + 1);
    }

    @Test
    void lagThatReachedZeroInTheWindowIsOk() {
        var window = window(100, 50, 150, 0, 150, 40, 150, 80);
        assertThat(BurrowRules.partition(window, 80, rightAfter(4))).isEqualTo(LagStatus.OK);
    }

    @Test
    void noLagNowIsOkWhateverTheWindowSays() {
        var window = window(100, 50, 90, 60);
        assertThat(BurrowRules.partition(window, 0, rightAfter(2))).isEqualTo(LagStatus.OK);
    }

    @Test
    void anOffsetLowerThanTheOneBeforeIsRewind() {
        var window = window(100, 10, 120, 10, 50, 90, 60, 85);
        assertThat(BurrowRules.partition(window, 85, rightAfter(4))).isEqualTo(LagStatus.REWIND);
    }

    @Test
    void noCommitForLongerThanTheWindowSpansIsStop() {
        var window = window(100, 10, 110, 12, 120, 15);
        Instant longAfter = START.plusSeconds(20 + 21);
        assertThat(BurrowRules.partition(window, 30, longAfter)).isEqualTo(LagStatus.STOP);
    }

    @Test
    void aSilenceShorterThanTheWindowIsNotStop() {
        var window = window(100, 10, 110, 12, 120, 15);
        Instant soonAfter = START.plusSeconds(20 + 19);
        assertThat(BurrowRules.partition(window, 15, soonAfter)).isNotEqualTo(LagStatus.STOP);
    }

    @Test
    void committedOffsetsNotMovingWhileLagGrowsIsStall() {
        var window = window(100, 10, 100, 20, 100, 30, 100, 40);
        assertThat(BurrowRules.partition(window, 40, rightAfter(4))).isEqualTo(LagStatus.STALL);
    }

    @Test
    void offsetsMovingButLagNeverShrinkingIsWarn() {
        var window = window(100, 10, 110, 10, 120, 15, 130, 20);
        assertThat(BurrowRules.partition(window, 20, rightAfter(4))).isEqualTo(LagStatus.WARN);
    }

    @Test
    void offsetsMovingAndLagShrinkingSomewhereIsOk() {
        var window = window(100, 10, 110, 30, 140, 5, 150, 8);
        assertThat(BurrowRules.partition(window, 8, rightAfter(4))).isEqualTo(LagStatus.OK);
    }

    @Test
    void rewindOutranksStopWhenBothHold() {
        var window = window(100, 10, 50, 60);
        assertThat(BurrowRules.partition(window, 60, START.plusSeconds(3600))).isEqualTo(LagStatus.REWIND);
    }

    @Test
    void anEmptyWindowSaysNothingSoOk() {
        assertThat(BurrowRules.partition(List.of(), 500, START)).isEqualTo(LagStatus.OK);
    }

    @Test
    void aGroupIsItsWorstPartitionWithPartitionErrorsSaidAsErr() {
        assertThat(BurrowRules.group(List.of(LagStatus.OK, LagStatus.WARN))).isEqualTo(LagStatus.WARN);
        assertThat(BurrowRules.group(List.of(LagStatus.OK, LagStatus.STALL, LagStatus.WARN))).isEqualTo(LagStatus.ERR);
        assertThat(BurrowRules.group(List.of(LagStatus.REWIND))).isEqualTo(LagStatus.ERR);
        assertThat(BurrowRules.group(List.of())).isEqualTo(LagStatus.OK);
    }
}
