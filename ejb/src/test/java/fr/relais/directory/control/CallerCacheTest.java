package fr.relais.directory.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallerCacheTest {
    CallerCache cache = new CallerCache();
    Revocations revocations = new Revocations();
    AtomicInteger reads = new AtomicInteger();
    long now = System.currentTimeMillis() - 10_000;

    @BeforeEach
    void setUp() {
        revocations.connect(); // no data grid here: a local map
        cache.revocations = revocations;
        cache.clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(now);
            }
        };
    }

    String read(String user) {
        return cache.get(user, u -> u + "#" + reads.incrementAndGet());
    }

    @Test
    void aCallerIsReadOnceWithinItsLifetime() {
        assertThat(read("marie")).isEqualTo("marie#1");
        now += CallerCache.TTL_MILLIS - 1;
        assertThat(read("marie")).isEqualTo("marie#1");
        now += 1;
        assertThat(read("marie")).as("expired").isEqualTo("marie#2");
        assertThat(read("paul")).isEqualTo("paul#3");
    }

    @Test
    void aRevocationAfterTheReadMakesItReadAgain() throws Exception {
        assertThat(read("marie")).isEqualTo("marie#1");
        Thread.sleep(2);
        revocations.revoke("marie"); // the revocation map keeps the system clock's time
        now = System.currentTimeMillis();
        assertThat(read("marie")).isEqualTo("marie#2");
        assertThat(read("marie"))
                .as("read within the grace after the revocation: read again, the change may not be committed yet")
                .isEqualTo("marie#3");
        now += CallerCache.GRACE_MILLIS + 1;
        assertThat(read("marie")).isEqualTo("marie#4");
        assertThat(read("marie")).as("then cached again").isEqualTo("marie#4");
    }

    @Test
    void anUnknownCallerIsNotCached() {
        assertThat(cache.<String>get("nobody", u -> null)).isNull();
        assertThat(read("nobody")).isEqualTo("nobody#1");
    }
}
