package fr.relais.qualification.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AcknowledgementDeadlinesTest {
    private static final Instant FORWARDED = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void theSecondDeadlineIsTheTargetPlusTheSameDelayAgainUnlessSet() {
        Instant target = FORWARDED.plus(Duration.ofHours(1));
        assertThat(AcknowledgementDeadlines.of(FORWARDED, target, Duration.ofHours(1), null))
                .isEqualTo(new AcknowledgementDeadlines(target, FORWARDED.plus(Duration.ofHours(2))));
        assertThat(AcknowledgementDeadlines.of(FORWARDED, target, Duration.ofHours(1), Duration.ofMinutes(15)))
                .isEqualTo(new AcknowledgementDeadlines(target, target.plus(Duration.ofMinutes(15))));
    }

    @Test
    void aReportWithoutATargetGetsTheLoosestOne() {
        assertThat(AcknowledgementDeadlines.of(FORWARDED, null, null, null))
                .isEqualTo(new AcknowledgementDeadlines(
                        FORWARDED.plus(Duration.ofHours(24)), FORWARDED.plus(Duration.ofHours(48))));
    }

    @Test
    void theSettingIsAPositiveIsoDurationOrNothing() {
        assertThat(AcknowledgementDeadlines.parseSetting(null)).isNull();
        assertThat(AcknowledgementDeadlines.parseSetting(" ")).isNull();
        assertThat(AcknowledgementDeadlines.parseSetting("PT30M")).isEqualTo(Duration.ofMinutes(30));
        assertThatThrownBy(() -> AcknowledgementDeadlines.parseSetting("PT0S"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AcknowledgementDeadlines.parseSetting("une heure"))
                .isInstanceOf(RuntimeException.class);
    }
}
