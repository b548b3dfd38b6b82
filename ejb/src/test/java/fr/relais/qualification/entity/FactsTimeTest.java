package fr.relais.qualification.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.shared.DomainException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class FactsTimeTest {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final ZoneId REUNION = ZoneId.of("Indian/Reunion");
    /** 28 November 2026, 22:00 UTC: 23:00 in Paris, already the 29th (02:00) in La Réunion. */
    static final Instant NOW = Instant.parse("2026-11-28T22:00:00Z");

    static String refusal(FactsTime when, ZoneId zone) {
        try {
            FactsTime.required(when).resolve(zone, NOW);
            return null;
        } catch (DomainException e) {
            return e.code();
        }
    }

    @Test
    void aMomentIsReadInTheTimeOfThePlacesDepartment() {
        LocalDateTime evening = LocalDateTime.of(2026, 11, 20, 21, 30);
        assertThat(FactsTime.exact(evening).resolve(PARIS, NOW))
                .isEqualTo(new FactsWhen(FactsWhen.Kind.EXACT, Instant.parse("2026-11-20T20:30:00Z"), null, PARIS));
        assertThat(FactsTime.exact(evening).resolve(REUNION, NOW).from())
                .as("UTC+4 all year")
                .isEqualTo(Instant.parse("2026-11-20T17:30:00Z"));
        assertThat(FactsTime.exact(LocalDateTime.of(2026, 7, 14, 23, 0))
                        .resolve(PARIS, NOW)
                        .from())
                .as("summer time in Paris")
                .isEqualTo(Instant.parse("2026-07-14T21:00:00Z"));
        assertThat(FactsTime.exact(Instant.parse("2026-11-20T21:00:00Z"))
                        .resolve(REUNION, NOW)
                        .from())
                .as("an absolute moment stays as it is")
                .isEqualTo(Instant.parse("2026-11-20T21:00:00Z"));
    }

    @Test
    void aDateWithoutTimeIsTheWholeDayInThePlacesZone() {
        FactsWhen day = FactsTime.exact(LocalDate.of(2026, 11, 20)).resolve(REUNION, NOW);
        assertThat(day.kind()).isEqualTo(FactsWhen.Kind.DAY);
        assertThat(day.from()).isEqualTo(Instant.parse("2026-11-19T20:00:00Z"));
        assertThat(day.until()).isEqualTo(Instant.parse("2026-11-20T20:00:00Z"));
    }

    @Test
    void aPeriodRunsFromTheStartOfItsFirstBoundToTheEndOfItsLast() {
        FactsWhen period = FactsTime.period(LocalDate.of(2026, 11, 1), LocalDateTime.of(2026, 11, 3, 8, 0))
                .resolve(PARIS, NOW);
        assertThat(period)
                .isEqualTo(new FactsWhen(
                        FactsWhen.Kind.PERIOD,
                        Instant.parse("2026-10-31T23:00:00Z"),
                        Instant.parse("2026-11-03T07:00:00Z"),
                        PARIS));
        assertThat(FactsTime.period(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 1))
                        .resolve(PARIS, NOW)
                        .until())
                .as("a period of one day ends with it")
                .isEqualTo(Instant.parse("2026-11-01T23:00:00Z"));
    }

    @Test
    void unknownIsSaidExplicitlyNeverByLeavingItEmpty() {
        assertThat(FactsTime.unknown().resolve(PARIS, NOW)).isEqualTo(FactsWhen.UNKNOWN);
        assertThat(refusal(null, PARIS)).isEqualTo("missing_facts_when");
        assertThat(refusal(new FactsTime(null, LocalDate.of(2026, 1, 1), null, null), PARIS))
                .isEqualTo("missing_facts_when");
        assertThat(refusal(FactsTime.exact(null), PARIS)).isEqualTo("invalid_facts_at");
        assertThat(refusal(FactsTime.period(null, LocalDate.of(2026, 1, 1)), PARIS))
                .isEqualTo("invalid_facts_from");
        assertThat(refusal(FactsTime.period(LocalDate.of(2026, 1, 1), null), PARIS))
                .isEqualTo("invalid_facts_to");
    }

    @Test
    void nothingHappensInTheFutureOfThePlace() {
        assertThat(refusal(FactsTime.exact(LocalDateTime.of(2026, 11, 28, 23, 30)), PARIS))
                .isEqualTo("invalid_facts_at");
        assertThat(refusal(FactsTime.exact(LocalDateTime.of(2026, 11, 28, 22, 59)), PARIS))
                .isNull();
        assertThat(refusal(FactsTime.exact(LocalDate.of(2026, 11, 29)), PARIS)).isEqualTo("invalid_facts_at");
        assertThat(refusal(FactsTime.exact(LocalDate.of(2026, 11, 29)), REUNION))
                .as("already the 29th in La Réunion")
                .isNull();
        assertThat(refusal(FactsTime.exact(LocalDateTime.of(2026, 11, 29, 1, 30)), REUNION))
                .isNull();
        assertThat(refusal(FactsTime.exact(Instant.parse("2026-11-28T22:30:00Z")), PARIS))
                .isEqualTo("invalid_facts_at");
        assertThat(refusal(FactsTime.period(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2)), PARIS))
                .isEqualTo("invalid_facts_from");
        assertThat(refusal(FactsTime.period(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 2)), PARIS))
                .isEqualTo("invalid_facts_to");
    }

    @Test
    void aPeriodEndsAfterItStarts() {
        assertThat(refusal(FactsTime.period(LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 1)), PARIS))
                .isEqualTo("invalid_facts_period");
        LocalDateTime at = LocalDateTime.of(2026, 11, 3, 8, 0);
        assertThat(refusal(FactsTime.period(at, at), PARIS)).isEqualTo("invalid_facts_period");
        assertThat(refusal(FactsTime.period(at, at.plusMinutes(1)), PARIS)).isNull();
    }

    @Test
    void onlyMomentsOfTheCalendarAreAccepted() {
        assertThatThrownBy(() -> FactsTime.exact(java.time.LocalTime.NOON))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
