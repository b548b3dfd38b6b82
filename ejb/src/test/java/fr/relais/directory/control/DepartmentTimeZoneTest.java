package fr.relais.directory.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DepartmentTimeZoneTest {

    @ParameterizedTest
    @CsvSource({
        "01, Europe/Paris",
        "13, Europe/Paris",
        "2A, Europe/Paris",
        "2b, Europe/Paris",
        "75, Europe/Paris",
        "95, Europe/Paris",
        "971, America/Guadeloupe",
        "972, America/Martinique",
        "973, America/Cayenne",
        "974, Indian/Reunion",
        "976, Indian/Mayotte"
    })
    void eachCoveredDepartmentTellsTheTimeOfItsOwnZone(String department, String zone) {
        assertThat(DepartmentTimeZone.of(department)).contains(ZoneId.of(zone));
    }

    @ParameterizedTest
    @ValueSource(strings = {"975", "977", "978", "984", "986", "987", "988", "989", "00", "20", "96", "99", "", "7"})
    void collectivitiesAndCodesThatAreNoDepartmentHaveNoZone(String department) {
        assertThat(DepartmentTimeZone.of(department)).isEmpty();
    }

    @Test
    void noDepartmentNoZone() {
        assertThat(DepartmentTimeZone.of(null)).isEmpty();
    }
}
