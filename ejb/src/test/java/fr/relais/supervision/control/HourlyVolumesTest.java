package fr.relais.supervision.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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

    @Test
    void theOtherCategoriesSummedPerHourWithTheirTotalsApartGiveTheSameVolumesAsEachCategory() {
        Instant from = Instant.parse("2026-03-01T00:00:00Z");
        Instant to = Instant.parse("2026-03-01T04:00:00Z");
        Instant h0 = from, h1 = from.plusSeconds(3600), h3 = from.plusSeconds(3 * 3600);
        var perCategory = HourlyVolumes.of(
                from,
                to,
                List.of(
                        new HourlyVolumes.Cell(h0, "VSS", "VICTIM", "THEFT", 2),
                        new HourlyVolumes.Cell(h0, "VSS", "VICTIM", "FRAUD", 5),
                        new HourlyVolumes.Cell(h0, "VSS", "VICTIM", "DRUG_TRAFFICKING", 1),
                        new HourlyVolumes.Cell(h1, "GENERALIST", "FORM", "", 3),
                        new HourlyVolumes.Cell(h1, "GENERALIST", "FORM", "THEFT", 4),
                        new HourlyVolumes.Cell(h3, "VSS", "WITNESS", "FRAUD", 6)));
        var summed = HourlyVolumes.of(
                from,
                to,
                List.of(
                        new HourlyVolumes.Cell(h0, "VSS", "VICTIM", HourlyVolumes.OTHER_CATEGORIES, 7),
                        new HourlyVolumes.Cell(h0, "VSS", "VICTIM", "DRUG_TRAFFICKING", 1),
                        new HourlyVolumes.Cell(h1, "GENERALIST", "FORM", "", 3),
                        new HourlyVolumes.Cell(h1, "GENERALIST", "FORM", HourlyVolumes.OTHER_CATEGORIES, 4),
                        new HourlyVolumes.Cell(h3, "VSS", "WITNESS", HourlyVolumes.OTHER_CATEGORIES, 6)),
                Map.of("THEFT", 6L, "FRAUD", 11L));
        assertThat(summed).isEqualTo(perCategory);
        assertThat(summed.byCategory())
                .containsOnlyKeys("THEFT", "FRAUD", "DRUG_TRAFFICKING", "UNQUALIFIED")
                .containsEntry("FRAUD", 11L);
        assertThat(summed.hours().get(0).otherCategories()).isEqualTo(7);
    }
}
