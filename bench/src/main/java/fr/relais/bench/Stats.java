package fr.relais.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** Latencies by call (microseconds, HdrHistogram) and errors by call and status; one per thread, merged at the end. */
final class Stats {
    /** An hour at most, three significant digits. */
    private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

    final Map<String, Histogram> latencies = new LinkedHashMap<>();
    final Map<String, Long> errors = new TreeMap<>();

    void record(String call, long nanos) {
        latencies
                .computeIfAbsent(call, c -> new Histogram(HIGHEST_MICROS, 3))
                .recordValue(Math.min(HIGHEST_MICROS, Math.max(0, nanos / 1_000)));
    }

    void error(String call, String status) {
        errors.merge(call + " → " + status, 1L, Long::sum);
    }

    long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    synchronized void merge(Stats other) {
        other.latencies.forEach((call, h) -> latencies
                .computeIfAbsent(call, c -> new Histogram(HIGHEST_MICROS, 3))
                .add(h));
        other.errors.forEach((k, v) -> errors.merge(k, v, Long::sum));
    }

    long count(String call) {
        Histogram h = latencies.get(call);
        return h == null ? 0 : h.getTotalCount();
    }
}
