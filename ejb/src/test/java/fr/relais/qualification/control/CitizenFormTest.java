package fr.relais.qualification.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.qualification.entity.Category;
import fr.relais.shared.DomainException;
import fr.relais.shared.Platform;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CitizenFormTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId REUNION = ZoneId.of("Indian/Reunion");
    private static final Instant NOW =
            Instant.parse("2026-11-28T22:00:00Z"); // 23:00 in Paris, 02:00 on the 29th in Réunion

    @Test
    void readsADateAndTimeAtThePlaceOfTheFacts() {
        var paris = CitizenForm.when("2026-11-27T21:30", PARIS, NOW);
        assertThat(paris.stated()).isEqualTo("2026-11-27T21:30");
        assertThat(paris.at()).isEqualTo(Instant.parse("2026-11-27T20:30:00Z"));

        var reunion = CitizenForm.when("2026-11-27T21:30", REUNION, NOW);
        assertThat(reunion.at()).isEqualTo(Instant.parse("2026-11-27T17:30:00Z"));
    }

    @Test
    void keepsADateWithoutTimeAndAnExplicitUnknownWithoutInstant() {
        assertThat(CitizenForm.when("2026-11-27", PARIS, NOW))
                .isEqualTo(new CitizenForm.StatedTime("2026-11-27", null));
        assertThat(CitizenForm.when(" Unknown ", PARIS, NOW)).isEqualTo(new CitizenForm.StatedTime("unknown", null));
    }

    @Test
    void refusesAMissingMalformedOrFutureTime() {
        for (String bad :
                new String[] {null, " ", "hier", "27/11/2026", "2026-02-30", "2026-11-28T25:00", "1850-01-01"}) {
            assertRefused(() -> CitizenForm.when(bad, PARIS, NOW), "invalid_when");
        }
        assertRefused(() -> CitizenForm.when("2026-11-29", PARIS, NOW), "invalid_when");
        assertRefused(() -> CitizenForm.when("2026-11-28T23:30", PARIS, NOW), "invalid_when");
        assertThat(CitizenForm.when("2026-11-29", REUNION, NOW).stated())
                .as("already the 29th in Réunion")
                .isEqualTo("2026-11-29");
    }

    @Test
    void routesSexualSexistAndDomesticViolenceToVssAndTheRestToTheGeneralistPlatform() {
        assertThat(CitizenForm.platformOf(Category.SEXUAL_VIOLENCE)).isEqualTo(Platform.VSS);
        assertThat(CitizenForm.platformOf(Category.DOMESTIC_VIOLENCE)).isEqualTo(Platform.VSS);
        assertThat(CitizenForm.platformOf(Category.DRUG_TRAFFICKING)).isEqualTo(Platform.GENERALIST);
        assertRefused(() -> CitizenForm.category("DRUGS"), "invalid_category");
        assertRefused(() -> CitizenForm.category(null), "invalid_category");
    }

    @Test
    void needsANarrativeOf4000CharactersAtMost() {
        assertThat(CitizenForm.narrative("a".repeat(4000))).hasSize(4000);
        assertRefused(() -> CitizenForm.narrative("a".repeat(4001)), "narrative_too_long");
        assertRefused(() -> CitizenForm.narrative("  "), "invalid_narrative");
    }

    @Test
    void validatesPhonesWithLibphonenumberAndStoresThemInInternationalForm() {
        assertThat(CitizenForm.phone("06 12 34 56 78")).isEqualTo("+33612345678");
        assertThat(CitizenForm.phone("+262 692 12 34 56")).isEqualTo("+262692123456");
        assertRefused(() -> CitizenForm.phone("06 12 34"), "invalid_phone");
        assertRefused(() -> CitizenForm.phone("appelez-moi"), "invalid_phone");
        assertRefused(() -> CitizenForm.email("moi@"), "invalid_email");
        assertThat(CitizenForm.email(" a.b@exemple.fr ")).isEqualTo("a.b@exemple.fr");
    }

    @Test
    void namesComeOnlyWithTheExplicitChoiceToGiveOnesIdentity() {
        assertThat(CitizenForm.reporter(true, null, " ", "0612345678", null).phone())
                .isEqualTo("+33612345678");
        assertRefused(() -> CitizenForm.reporter(true, "Marie", null, null, null), "invalid_identity");
        assertRefused(() -> CitizenForm.reporter(false, "Marie", null, null, null), "invalid_identity");
        assertThat(CitizenForm.reporter(false, "Marie", "Durand", null, null).lastName())
                .isEqualTo("Durand");
    }

    private static void assertRefused(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code())
                .isEqualTo(code));
    }
}
