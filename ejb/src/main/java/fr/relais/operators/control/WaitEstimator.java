package fr.relais.operators.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The citizen's waiting estimate, a pure function of the clock and of figures the caller reads.
 *
 * <p>Formula (stated in the README): {@code w} is the median wait (request to take-in-charge) of
 * the platform's chats taken in charge in the last 30 minutes, or 60 s with no such chat. With
 * {@code A} available operators and {@code F} free slots among them (their caps minus the
 * conversations they hold), the chat at position {@code p} waits about {@code w} when {@code p ≤
 * F} (a free operator picks it up), else {@code w × (1 + ⌈(p − F) / A⌉)}: each round of {@code A}
 * chats ahead of it takes about one more typical wait. With no available operator there is no
 * estimate: the citizen is told so.
 */
public final class WaitEstimator {
    public static final Duration WINDOW = Duration.ofMinutes(30);
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);

    private final Clock clock;

    public WaitEstimator(Clock clock) {
        this.clock = clock;
    }

    /** One chat taken in charge: when it was opened and when it was taken. */
    public record Sample(Instant requestedAt, Instant takenAt) {
        Duration waited() {
            return Duration.between(requestedAt, takenAt);
        }
    }

    /** Position (1 = next) and estimate; {@code estimate} is null when nobody is available. */
    public record Estimate(int position, Duration estimate, int availableOperators) {
        public boolean nobodyAvailable() {
            return availableOperators == 0;
        }

        /** Whole minutes, rounded up, at least 1; 0 when nobody is available. */
        public long minutes() {
            if (estimate == null) {
                return 0;
            }
            long seconds = estimate.toSeconds();
            return Math.max(1, (seconds + 59) / 60);
        }
    }

    /** Where the window of recent take-ins starts, for the query that reads the samples. */
    public Instant windowStart() {
        return clock.instant().minus(WINDOW);
    }

    public Estimate estimate(int position, List<Sample> recent, int availableOperators, int freeSlots) {
        if (position < 1) {
            throw new IllegalArgumentException("position starts at 1: " + position);
        }
        if (availableOperators <= 0) {
            return new Estimate(position, null, 0);
        }
        Duration typical = typicalWait(recent);
        int free = Math.max(0, freeSlots);
        long rounds = position <= free ? 0 : ceilDiv(position - free, availableOperators);
        return new Estimate(position, typical.multipliedBy(1 + rounds), availableOperators);
    }

    /** The median wait of the chats taken in the window ending now; the default with none. */
    public Duration typicalWait(List<Sample> recent) {
        Instant now = clock.instant();
        Instant from = now.minus(WINDOW);
        List<Duration> waits = recent.stream()
                .filter(s -> s.takenAt() != null && s.requestedAt() != null)
                .filter(s -> !s.takenAt().isBefore(from) && !s.takenAt().isAfter(now))
                .map(Sample::waited)
                .filter(d -> !d.isNegative())
                .sorted()
                .toList();
        if (waits.isEmpty()) {
            return DEFAULT_WAIT;
        }
        int n = waits.size();
        return n % 2 == 1
                ? waits.get(n / 2)
                : waits.get(n / 2 - 1).plus(waits.get(n / 2)).dividedBy(2);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
