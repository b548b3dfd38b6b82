package fr.relais.privacy.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecentReadsTest {
    private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");
    private static final Duration WINDOW = Duration.ofHours(1);

    @Test
    void knowsOnlyWhatWasFoundAndOnlyWithinTheWindow() {
        RecentReads reads = new RecentReads();
        String key = RecentReads.key("operateur", 7L, null);
        assertThat(reads.recordedAfter(key, NOW.minus(WINDOW))).isFalse();

        reads.found(key, NOW.minus(Duration.ofMinutes(50)));

        assertThat(reads.recordedAfter(key, NOW.minus(WINDOW))).isTrue();
        assertThat(reads.recordedAfter(key, NOW.plus(Duration.ofMinutes(11)).minus(WINDOW)))
                .as("50 minutes old now, older than the window 11 minutes later")
                .isFalse();
        assertThat(reads.recordedAfter(RecentReads.key("operateur2", 7L, null), NOW.minus(WINDOW)))
                .isFalse();
        assertThat(reads.recordedAfter(RecentReads.key("operateur", null, 7L), NOW.minus(WINDOW)))
                .as("a conversation is not the report of the same id")
                .isFalse();
    }

    @Test
    void keepsTheLatestRecordFound() {
        RecentReads reads = new RecentReads();
        String key = RecentReads.key("superviseur", null, 3L);
        reads.found(key, NOW.minus(Duration.ofMinutes(10)));
        reads.found(key, NOW.minus(Duration.ofMinutes(40)));
        assertThat(reads.recordedAfter(key, NOW.minus(Duration.ofMinutes(20)))).isTrue();
    }

    @Test
    void staysBounded() {
        RecentReads reads = new RecentReads();
        for (int i = 0; i < 2 * RecentReads.MAX_ENTRIES; i++) {
            reads.found(RecentReads.key("u" + i, (long) i, null), NOW);
        }
        assertThat(reads.size()).isLessThanOrEqualTo(RecentReads.MAX_ENTRIES);
    }
}
