package fr.relais.supervision.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PercentilesTest {
    @Test
    void nearestRankPicksAnObservedValue() {
        long[] tenValues = {15, 20, 35, 40, 50, 55, 60, 70, 80, 200};
        assertThat(Percentiles.of(tenValues, 50)).isEqualTo(50); // rank 5
        assertThat(Percentiles.of(tenValues, 90)).isEqualTo(80); // rank 9
        assertThat(Percentiles.of(tenValues, 99)).isEqualTo(200); // rank ⌈9.9⌉ = 10
        assertThat(Percentiles.of(tenValues, 100)).isEqualTo(200);
        assertThat(Percentiles.of(new long[] {3, 1, 2}, 50))
                .as("unsorted input")
                .isEqualTo(2);
        assertThat(Percentiles.of(new long[] {7}, 1)).isEqualTo(7);
    }

    @Test
    void noValueHasNoPercentile() {
        assertThat(Percentiles.of(new long[0], 50)).isNull();
        assertThatThrownBy(() -> Percentiles.of(new long[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHistogramGivesTheSamePercentilesAsItsValues() {
        assertThat(Percentiles.ofCounts(new long[] {15, 20, 80, 200}, new long[] {1, 3, 5, 1}, 50))
                .as("rank 5 of 10 falls in the third value")
                .isEqualTo(80);
        assertThat(Percentiles.ofCounts(new long[0], new long[0], 50)).isNull();
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(3000);
            long[] values = new long[n];
            java.util.TreeMap<Long, Long> histogram = new java.util.TreeMap<>();
            for (int i = 0; i < n; i++) {
                values[i] = random.nextInt(100) < 93 ? random.nextLong(121) : 121 + random.nextLong(800);
                histogram.merge(values[i], 1L, Long::sum);
            }
            long[] distinct =
                    histogram.keySet().stream().mapToLong(Long::longValue).toArray();
            long[] counts =
                    histogram.values().stream().mapToLong(Long::longValue).toArray();
            for (double p : new double[] {1, 50, 90, 99, 100}) {
                assertThat(Percentiles.ofCounts(distinct, counts, p))
                        .as("n %d, p %s", n, p)
                        .isEqualTo(Percentiles.of(values, p));
                assertThat(Percentiles.rank(n, p)).isEqualTo((long) Math.ceil(p / 100.0 * n));
            }
        }
    }
}
