package fr.relais.intake.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WaitingTest {
    static final Instant OPENED = Instant.parse("2026-11-28T17:00:00Z");

    @Test
    void countsWholeSecondsSinceTheChatOpened() {
        assertThat(Waiting.seconds(OPENED, OPENED.plusMillis(59_999))).isEqualTo(59);
        assertThat(Waiting.seconds(OPENED, OPENED.minusSeconds(3)))
                .as("clock skew")
                .isZero();
    }

    @Test
    void marksAmberFromTheWarningAt60SecondsAndRedFromTheEscalationAt120() {
        assertThat(Waiting.marker(59)).isEqualTo("waiting-ok");
        assertThat(Waiting.marker(60)).isEqualTo("waiting-amber");
        assertThat(Waiting.marker(119)).isEqualTo("waiting-amber");
        assertThat(Waiting.marker(120)).isEqualTo("waiting-red");
    }
}
