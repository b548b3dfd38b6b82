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
        return sorted[(int) Math.max(rank(sorted.length, p), 1) - 1];
    }

    /**
     * The nearest rank of the p-th percentile of n values: ⌈p × n / 100⌉ (1-based; 0 when n is 0), computed
     * as the SQL queries compute it ({@code CEIL(n * p / 100)}), exact for a whole p.
     */
    public static long rank(long n, double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile out of (0, 100]: " + p);
        }
        return (long) Math.ceil(p * n / 100.0);
    }

    /**
     * The p-th percentile of values given as a histogram: {@code values} distinct and ascending, {@code
     * counts[i]} how many times {@code values[i]} occurs; null when there is none. The same as {@link #of} over
     * the values repeated: exact, not an estimate from buckets.
     */
    public static Long ofCounts(long[] values, long[] counts, double p) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        if (n == 0) {
            return null;
        }
        long rank = Math.max(rank(n, p), 1);
        long seen = 0;
        for (int i = 0; i < values.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }
}
