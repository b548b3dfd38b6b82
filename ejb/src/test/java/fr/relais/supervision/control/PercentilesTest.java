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
}
