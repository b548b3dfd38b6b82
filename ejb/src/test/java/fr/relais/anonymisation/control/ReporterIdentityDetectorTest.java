package fr.relais.anonymisation.control;

import static fr.relais.anonymisation.control.Detections.values;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReporterIdentityDetectorTest {

    private final ReporterIdentityDetector detector = new ReporterIdentityDetector();

    @Test
    void identityFieldsAreFoundCaseAndAccentInsensitively() {
        ReporterIdentity reporter = new ReporterIdentity("Frédérique", "Lévêque", null, null, null);
        assertThat(values(detector, "je suis frederique LEVEQUE, Frédérique", reporter))
                .containsExactlyInAnyOrder("frederique", "Frédérique", "LEVEQUE");
    }

    @Test
    void phoneFieldMatchesAnySpelling() {
        ReporterIdentity reporter = new ReporterIdentity(null, null, "06 45 89 32 17", null, null);
        assertThat(values(detector, "tel 0645893217 ou +33 6.45.89.32.17", reporter))
                .containsExactly("0645893217", "+33 6.45.89.32.17");
    }

    @Test
    void addressFieldIsSplitIntoStreetAndCommune() {
        ReporterIdentity reporter = new ReporterIdentity(null, null, null, null, "17 rue Jules Ferry 62000 Arras");
        assertThat(values(detector, "au 17, rue jules ferry à 62000 ARRAS", reporter))
                .containsExactly("17, rue jules ferry", "62000 ARRAS");
    }

    @Test
    void blankFieldsMatchNothing() {
        assertThat(values(detector, "un texte", new ReporterIdentity(" ", "", "  ", "@", "")))
                .isEmpty();
    }
}
