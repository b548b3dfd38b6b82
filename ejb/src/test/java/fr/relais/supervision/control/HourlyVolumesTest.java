package fr.relais.supervision.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HourlyVolumesTest {
    @Test
    void theDayClocksGoBackHas25HoursTheRepeatedOneTwiceAndNightInParisTime() {
        // 25 October 2020 in Paris: 00:00 is 22:00 UTC the day before; 03:00 (+02:00) comes back to 02:00 (+01:00)
        Instant from = Instant.parse("2020-10-24T22:00:00Z");
        Instant to = Instant.parse("2020-10-25T23:00:00Z");
        var volumes = HourlyVolumes.of(
                from,
                to,
                List.of(
                        new HourlyVolumes.Cell(Instant.parse("2020-10-25T00:00:00Z"), "VSS", "VICTIM", "", 2),
                        new HourlyVolumes.Cell(
                                Instant.parse("2020-10-25T01:00:00Z"), "VSS", "VICTIM", "DRUG_TRAFFICKING", 3),
                        new HourlyVolumes.Cell(Instant.parse("2020-10-25T07:00:00Z"), "GENERALIST", "FORM", "THEFT", 1),
                        new HourlyVolumes.Cell(Instant.parse("2020-10-25T19:00:00Z"), "VSS", "WITNESS", "THEFT", 4)));
        assertThat(volumes.hours()).hasSize(25);
        assertThat(volumes.hours().get(2).local()).isEqualTo("2020-10-25T02:00:00+02:00");
        assertThat(volumes.hours().get(3).local()).isEqualTo("2020-10-25T02:00:00+01:00");
        assertThat(volumes.hours().get(3).drugTrafficking()).isEqualTo(3);
        assertThat(volumes.hours().get(2).unqualified()).isEqualTo(2);
        // 07:00 UTC is 08:00 in Paris (day), 19:00 UTC is 20:00 (night)
        assertThat(volumes.hours().get(9).night()).isFalse();
        assertThat(volumes.hours().get(21).night()).isTrue();
        assertThat(volumes.reports()).isEqualTo(10);
        assertThat(volumes.nightReports()).isEqualTo(9);
        assertThat(volumes.byCategory()).containsEntry("DRUG_TRAFFICKING", 3L).containsEntry("UNQUALIFIED", 2L);
        assertThat(volumes.hours().stream().filter(HourlyVolumes.Hour::night)).hasSize(13);
    }
}
