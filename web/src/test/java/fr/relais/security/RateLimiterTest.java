package fr.relais.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private static final Instant MINUTE = Instant.parse("2026-11-28T10:00:00Z");

    private static RateLimiter at(Instant now, RateLimiter limiter) {
        limiter.clock = Clock.fixed(now, ZoneOffset.UTC);
        return limiter;
    }

    private static RateLimiter limiter() {
        RateLimiter limiter = new RateLimiter();
        limiter.connect(); // no data grid outside Payara: local counters
        return limiter;
    }

    @Test
    void refusesPastTheLimitUntilTheMinuteEndsThenCountsAfresh() {
        RateLimiter limiter = at(MINUTE.plusSeconds(15), limiter());

        for (int i = 0; i < 3; i++) {
            assertThat(limiter.hit("openings", "10.0.0.1", 3)).isZero();
        }
        assertThat(limiter.hit("openings", "10.0.0.1", 3))
                .as("seconds to the minute's end")
                .isEqualTo(45);
        assertThat(at(MINUTE.plusMillis(59_001), limiter).hit("openings", "10.0.0.1", 3))
                .isEqualTo(1);

        assertThat(at(MINUTE.plusSeconds(60), limiter).hit("openings", "10.0.0.1", 3))
                .isZero();
    }

    @Test
    void countsEachSubjectAndBucketApartAndZeroIsNoLimit() {
        RateLimiter limiter = at(MINUTE, limiter());

        assertThat(limiter.hit("openings", "10.0.0.1", 1)).isZero();
        assertThat(limiter.hit("openings", "10.0.0.1", 1)).isPositive();
        assertThat(limiter.hit("openings", "10.0.0.2", 1)).isZero();
        assertThat(limiter.hit("requests", "10.0.0.1", 1)).isZero();
        for (int i = 0; i < 1000; i++) {
            assertThat(limiter.hit("requests", "10.0.0.3", 0)).isZero();
        }
    }
}
