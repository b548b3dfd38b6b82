package fr.relais.supervision.control;

import java.util.Arrays;

/**
 * Percentiles by the nearest-rank method: the p-th percentile of N sorted values is the value of rank
 * ⌈p/100 × N⌉ (1-based), always one of the values observed, never interpolated. Exact: computed from
 * every value, not from a sketch.
 */
public final class Percentiles {
    public static final String METHOD = "nearest-rank";

    private Percentiles() {}

    /** The p-th percentile (0 &lt; p ≤ 100) of {@code values}, or null when there is none. */
    public static Long of(long[] values, double p) {
        if (values.length == 0) {
            return null;
        }
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile out of (0, 100]: " + p);
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
