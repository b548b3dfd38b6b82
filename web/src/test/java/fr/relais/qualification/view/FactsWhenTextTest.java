package fr.relais.qualification.view;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.qualification.entity.FactsTime;
import fr.relais.qualification.entity.FactsWhen;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class FactsWhenTextTest {
    static final ZoneId REUNION = ZoneId.of("Indian/Reunion");
    static final Instant NOW = Instant.parse("2026-11-28T22:00:00Z");

    static String text(FactsTime when) {
        return FactsWhenText.of(when.resolve(REUNION, NOW), key -> "[" + key.substring("when.text.".length()) + "]");
    }

    @Test
    void tellsTheFactsTimeInTheZoneItWasToldIn() {
        assertThat(text(FactsTime.exact(LocalDateTime.of(2026, 11, 20, 22, 0)))).isEqualTo("20/11/2026 22:00");
        assertThat(text(FactsTime.exact(LocalDate.of(2026, 11, 20)))).isEqualTo("[on] 20/11/2026");
        assertThat(text(FactsTime.period(LocalDateTime.of(2026, 11, 1, 21, 30), LocalDate.of(2026, 11, 5))))
                .isEqualTo("[from] 01/11/2026 21:30 [to] 05/11/2026");
        assertThat(text(FactsTime.period(LocalDate.of(2026, 11, 1), LocalDateTime.of(2026, 11, 5, 8, 0))))
                .isEqualTo("[from] 01/11/2026 [to] 05/11/2026 08:00");
        assertThat(text(FactsTime.unknown())).isEqualTo("[unknown]");
        assertThat(FactsWhenText.of(null, key -> key)).isEmpty();
        assertThat(FactsWhenText.of(
                        new FactsWhen(FactsWhen.Kind.EXACT, Instant.parse("2026-11-20T21:00:00Z"), null, null),
                        key -> key))
                .as("reports qualified before the zone was kept: Paris")
                .isEqualTo("20/11/2026 22:00");
    }
}
