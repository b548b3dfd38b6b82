package fr.relais.intake.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SilenceTest {
    private static final Instant HELD = Instant.parse("2026-11-28T10:00:00Z");
    private final Silence silence = Silence.configured("PT15M", "essai-silence=PT3S, OTHER_QUESTION=PT30M");

    @Test
    void countsFromWhenTheHolderReceivedTheChatWhenTheCitizenWroteBefore() {
        Instant wroteWhileWaiting = HELD.minus(Duration.ofMinutes(10));

        assertThat(silence.remaining("THEFT", wroteWhileWaiting, HELD, HELD.plusSeconds(60)))
                .isEqualTo(Duration.ofMinutes(14));
        assertThat(silence.isSilent("THEFT", wroteWhileWaiting, HELD, HELD.plus(Duration.ofMinutes(15))))
                .isTrue();
        assertThat(silence.isSilent("THEFT", wroteWhileWaiting, HELD, HELD.plus(Duration.ofMinutes(14))))
                .isFalse();
    }

    @Test
    void restartsWithEachCitizenMessage() {
        Instant wrote = HELD.plus(Duration.ofMinutes(5));
        Instant firedAt = HELD.plus(Duration.ofMinutes(15));

        assertThat(silence.isSilent("THEFT", wrote, HELD, firedAt)).isFalse();
        assertThat(silence.remaining("THEFT", wrote, HELD, firedAt)).isEqualTo(Duration.ofMinutes(5));
        assertThat(silence.isSilent("THEFT", wrote, HELD, firedAt.plus(Duration.ofMinutes(5))))
                .isTrue();
    }

    @Test
    void roundsTheTimeLeftUpToAWholeSecondAndNeverBelowOne() {
        assertThat(silence.remaining("THEFT", null, HELD, HELD.plusMillis(1))).isEqualTo(Duration.ofSeconds(900));
        assertThat(silence.remaining("THEFT", null, HELD, HELD.plus(Duration.ofHours(1))))
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aTopicMayHaveItsOwnTimeout() {
        assertThat(silence.timeoutFor("essai-silence")).isEqualTo(Duration.ofSeconds(3));
        assertThat(silence.timeoutFor("OTHER_QUESTION")).isEqualTo(Duration.ofMinutes(30));
        assertThat(silence.timeoutFor(null)).isEqualTo(Duration.ofMinutes(15));
        assertThat(Silence.configured(null, null).timeoutFor("THEFT")).isEqualTo(Silence.DEFAULT_TIMEOUT);
    }

    @Test
    void refusesAMalformedOrNonPositiveTimeoutAtStart() {
        assertThatThrownBy(() -> Silence.configured("15", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Silence.configured("PT0S", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Silence.configured("PT1M", "THEFT")).isInstanceOf(IllegalArgumentException.class);
    }
}
