package fr.relais.operators.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaitEstimatorTest {
    static final Instant NOW = Instant.parse("2026-11-28T21:00:00Z");
    final WaitEstimator estimator = new WaitEstimator(Clock.fixed(NOW, ZoneOffset.UTC));

    /** A chat taken {@code agoSeconds} before now after waiting {@code waitedSeconds}. */
    static WaitEstimator.Sample taken(long agoSeconds, long waitedSeconds) {
        Instant takenAt = NOW.minusSeconds(agoSeconds);
        return new WaitEstimator.Sample(takenAt.minusSeconds(waitedSeconds), takenAt);
    }

    @Test
    void withNoHistoryTheTypicalWaitIsOneMinute() {
        var estimate = estimator.estimate(1, List.of(), 2, 1);
        assertThat(estimate.estimate()).isEqualTo(Duration.ofSeconds(60));
        assertThat(estimate.minutes()).isEqualTo(1);
        assertThat(estimate.nobodyAvailable()).isFalse();
    }

    @Test
    void theTypicalWaitIsTheMedianOfTheTakeInsOfTheLast30MinutesOnly() {
        List<WaitEstimator.Sample> samples = List.of(
                taken(60, 20),
                taken(300, 40),
                taken(1700, 90),
                taken(1801, 900), // taken 30 min 1 s ago: out of the window
                taken(7200, 3000));
        assertThat(estimator.typicalWait(samples)).isEqualTo(Duration.ofSeconds(40));
        assertThat(estimator.typicalWait(List.of(taken(10, 30), taken(20, 50))))
                .as("even count: mean of the two middle waits")
                .isEqualTo(Duration.ofSeconds(40));
        assertThat(estimator.typicalWait(List.of(taken(1801, 900))))
                .as("only older take-ins: as with no history")
                .isEqualTo(WaitEstimator.DEFAULT_WAIT);
    }

    @Test
    void aTakeInRecordedAfterTheClocksNowIsIgnored() {
        var future = new WaitEstimator.Sample(NOW.minusSeconds(10), NOW.plusSeconds(5));
        assertThat(estimator.typicalWait(List.of(future, taken(60, 30)))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theWindowMovesWithTheClock() {
        List<WaitEstimator.Sample> samples = List.of(taken(60, 30));
        var later = new WaitEstimator(Clock.fixed(NOW.plus(Duration.ofMinutes(31)), ZoneOffset.UTC));
        assertThat(estimator.typicalWait(samples)).isEqualTo(Duration.ofSeconds(30));
        assertThat(later.typicalWait(samples)).isEqualTo(WaitEstimator.DEFAULT_WAIT);
        assertThat(later.windowStart()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
    }

    @Test
    void withNoOperatorAvailableThereIsNoEstimateButThePosition() {
        var estimate = estimator.estimate(3, List.of(taken(60, 30)), 0, 0);
        assertThat(estimate.nobodyAvailable()).isTrue();
        assertThat(estimate.estimate()).isNull();
        assertThat(estimate.position()).isEqualTo(3);
        assertThat(estimate.minutes()).isZero();
    }

    @Test
    void aChatAFreeOperatorCanTakeWaitsAboutOneTypicalWait() {
        List<WaitEstimator.Sample> samples = List.of(taken(60, 30), taken(120, 30), taken(180, 30));
        assertThat(estimator.estimate(1, samples, 2, 3).estimate()).isEqualTo(Duration.ofSeconds(30));
        assertThat(estimator.estimate(3, samples, 2, 3).estimate()).isEqualTo(Duration.ofSeconds(30));
        assertThat(estimator.estimate(3, samples, 2, 3).minutes())
                .as("rounded up to whole minutes")
                .isEqualTo(1);
    }

    @Test
    void aLongQueueWaitsOneTypicalWaitMorePerRoundOfAvailableOperators() {
        List<WaitEstimator.Sample> samples = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            samples.add(taken(60L * (i + 1), 45 + 5L * i)); // median 65 s
        }
        // 4 available operators, 2 free slots: position 2 is taken at once, then rounds of 4
        assertThat(estimator.estimate(2, samples, 4, 2).estimate()).isEqualTo(Duration.ofSeconds(65));
        assertThat(estimator.estimate(3, samples, 4, 2).estimate()).isEqualTo(Duration.ofSeconds(130));
        assertThat(estimator.estimate(6, samples, 4, 2).estimate()).isEqualTo(Duration.ofSeconds(130));
        assertThat(estimator.estimate(7, samples, 4, 2).estimate()).isEqualTo(Duration.ofSeconds(195));
        var fortieth = estimator.estimate(40, samples, 4, 2);
        assertThat(fortieth.estimate()).isEqualTo(Duration.ofSeconds(65L * (1 + 10)));
        assertThat(fortieth.minutes()).isEqualTo(12); // 715 s rounded up
        assertThat(estimator.estimate(40, samples, 4, 0).estimate())
                .as("no free slot: every chat ahead waits its round")
                .isEqualTo(Duration.ofSeconds(65L * (1 + 10)));
        assertThat(estimator.estimate(41, samples, 4, 0).estimate()).isEqualTo(Duration.ofSeconds(65L * (1 + 11)));
    }

    @Test
    void positionsStartAtOne() {
        assertThatThrownBy(() -> estimator.estimate(0, List.of(), 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
