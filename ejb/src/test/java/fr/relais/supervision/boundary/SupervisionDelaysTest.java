package fr.relais.supervision.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.supervision.control.Percentiles;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A unit's acknowledgement delays as MariaDB lists them, and the nearest rank picked from them. */
class SupervisionDelaysTest {

    @Test
    void aListCutShortIsAnErrorNotAShorterList() {
        assertThat(Supervision.delays("1000,2000,3000", 3, "U")).containsExactly(1000, 2000, 3000);
        assertThatThrownBy(() -> Supervision.delays("1000,2000,30", 4, "U"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unit U");
    }

    @Test
    void noDelaysGiveNoPercentile() {
        assertThat(Supervision.delays(null, 0, "U")).isEmpty();
        assertThat(Supervision.nearestRank(new long[0], 50)).isNull();
    }

    @Test
    void theDriverMayGiveBytes() {
        assertThat(Supervision.delays("-5,7".getBytes(StandardCharsets.US_ASCII), 2, "U"))
                .containsExactly(-5, 7);
    }

    @Test
    void aUnitsRowsAndDailyAggregatesAddUpAndTheirDelaysAreSortedTogether() {
        // unit, sent, acknowledged, taken over, declined, backlog, breaches, delays: the rows (live) then two days
        Supervision.UnitCounts unit = new Supervision.UnitCounts("U");
        unit.add(new Object[] {"U", 3, 2, 1, 0, 2, 1, "9000,1000"});
        unit.add(new Object[] {"U", 4L, 4L, 3L, 1L, 0, 2L, "4000,2000,8000,3000"});
        unit.add(new Object[] {"U", 1, 0, 0, 1, 0, null, null});
        assertThat(unit.sent).isEqualTo(8);
        assertThat(unit.acknowledged).isEqualTo(6);
        assertThat(unit.takenOver).isEqualTo(4);
        assertThat(unit.declined).isEqualTo(2);
        assertThat(unit.backlog).isEqualTo(2);
        assertThat(unit.breaches).isEqualTo(3);
        long[] delays = unit.sortedDelays();
        assertThat(delays).containsExactly(1000, 2000, 3000, 4000, 8000, 9000);
        assertThat(Supervision.nearestRank(delays, 50)).isEqualTo(3); // rank 3 of 6
        assertThat(Supervision.nearestRank(delays, 90)).isEqualTo(9); // rank ⌈5.4⌉ = 6
        assertThatThrownBy(() -> unit.add(new Object[] {"U", 2, 2, 0, 0, 0, 0, "5000"}))
                .as("an aggregate whose list lost a delay")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void nearestRankOnTheListIsTheRankOfTheSortedDelaysInSeconds() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(300);
            long[] delays = random.longs(n, 0, 200_000_000L).sorted().toArray();
            String list = Arrays.stream(delays).mapToObj(Long::toString).collect(Collectors.joining(","));
            long[] parsed = Supervision.delays(list, n, "U");
            for (double p : new double[] {50, 90}) {
                long expected = delays[(int) Percentiles.rank(n, p) - 1];
                assertThat(Supervision.nearestRank(parsed, p)).isEqualTo(Math.round(expected / 1000.0));
            }
        }
        // 10 delays: the median is the 5th, the 90th percentile the 9th
        long[] ten = {1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000};
        assertThat(Supervision.nearestRank(ten, 50)).isEqualTo(5);
        assertThat(Supervision.nearestRank(ten, 90)).isEqualTo(9);
    }
}
