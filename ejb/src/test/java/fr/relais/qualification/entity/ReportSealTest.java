package fr.relais.qualification.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.shared.Platform;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Sealing and erasing a report: what leaves the plain columns, and what stays. */
class ReportSealTest {
    private static final Instant CREATED = Instant.parse("2026-11-28T10:00:00Z");
    private static final Qualification.Reporter MARIE =
            new Qualification.Reporter("Marie", "Durand", "+33612345678", "m.durand@exemple.fr");

    @Test
    void sealingClearsTheOriginalAndAnAnonymousReportersIdentity() {
        Report report = qualified(true, false);
        report.proposeOutgoingNarrative("[NOM] est harcelée.");
        report.seal("c2VhbGVk", CREATED.plusSeconds(60));

        assertThat(report.sealed()).isTrue();
        assertThat(report.sealedOriginal()).isEqualTo("c2VhbGVk");
        assertThat(report.narrative()).isNull();
        assertThat(report.reporter()).isEqualTo(Qualification.Reporter.NONE);
        assertThat(report.outgoingNarrative()).as("what left the platform").isEqualTo("[NOM] est harcelée.");
        assertThatThrownBy(() -> report.seal("x", CREATED)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aReachableReportersContactStaysForTheUnitUntilRetention() {
        Report report = qualified(false, true);
        report.seal("c2VhbGVk", CREATED.plusSeconds(60));
        assertThat(report.narrative()).isNull();
        assertThat(report.reporter()).isEqualTo(MARIE);

        report.erase(CREATED.plusSeconds(3600));
        assertThat(report.reporter()).isEqualTo(Qualification.Reporter.NONE);
        assertThat(report.sealedOriginal()).isNull();
        assertThat(report.outgoingNarrative()).isNull();
        assertThat(report.erasedAt()).isEqualTo(CREATED.plusSeconds(3600));
        assertThat(report.category()).as("the pseudonymised history stays").isEqualTo(Category.HARASSMENT);
    }

    private static Report qualified(boolean anonymous, boolean consent) {
        Report report = new Report(1L, Platform.GENERALIST, "operateur", CREATED);
        report.qualify(
                new Qualification(
                                Category.HARASSMENT,
                                "33000",
                                "Bordeaux",
                                FactsTime.exact(CREATED.minusSeconds(3600)),
                                Urgency.NORMAL,
                                false,
                                false,
                                anonymous,
                                consent,
                                "Marie Durand est harcelée.",
                                MARIE,
                                null)
                        .validated(),
                new FactsWhen(FactsWhen.Kind.EXACT, CREATED.minusSeconds(3600), null, ZoneId.of("Europe/Paris")),
                "operateur",
                CREATED);
        report.enterStage(Report.Status.ANONYMISING);
        return report;
    }
}
