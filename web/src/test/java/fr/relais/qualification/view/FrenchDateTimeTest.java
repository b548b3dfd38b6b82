package fr.relais.qualification.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrenchDateTimeTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "14/03/2026 21:30",
                "14/3/2026 21:30",
                " 14/03/2026  21h30 ",
                "14.03.2026 21:30",
                "14-03-2026 à 21h30",
                "14/03/26 21:30"
            })
    void readsADateAndTimeAsPeopleTypeIt(String typed) {
        assertThat(FrenchDateTime.parse(typed)).contains(LocalDateTime.of(2026, 3, 14, 21, 30));
    }

    @Test
    void aDateAloneMeansTheTimeIsUnknown() {
        assertThat(FrenchDateTime.parse("14/03/2026")).contains(LocalDate.of(2026, 3, 14));
        assertThat(FrenchDateTime.parse("14/03/2026 21h")).contains(LocalDateTime.of(2026, 3, 14, 21, 0));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "  ", "hier soir", "2026-03-14", "31/02/2026", "14/13/2026", "14/03/2026 25:00", "14/03"})
    void refusesWhatIsNoDateOfTheCalendar(String typed) {
        assertThat(FrenchDateTime.parse(typed)).isEmpty();
    }
}
