package fr.relais.shared.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FormatsTest {
    private final Formats formats = new Formats();

    @Test
    void showsParisTimeInWinterAndSummer() {
        assertThat(formats.dateTime(Instant.parse("2026-11-28T13:28:50Z"))).isEqualTo("28/11/2026 14:28");
        assertThat(formats.dateTime(Instant.parse("2026-07-14T21:05:00Z"))).isEqualTo("14/07/2026 23:05");
        assertThat(formats.dateTime(null)).isEmpty();
    }
}
