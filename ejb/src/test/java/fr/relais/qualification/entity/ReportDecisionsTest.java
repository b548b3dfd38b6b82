package fr.relais.qualification.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.qualification.control.Decisions;
import fr.relais.shared.DomainException;
import fr.relais.shared.Platform;
import fr.relais.workflow.ProcessVariables.Validation;
import fr.relais.workflow.ProcessVariables.ValidationDecision;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The decisions on a report: due times from the right instants, and the supervisor's validation rules. */
class ReportDecisionsTest {
    private static final Instant CREATED = Instant.parse("2026-11-28T10:00:00Z");
    private static final Instant QUALIFIED = Instant.parse("2026-11-28T10:20:00Z");

    @Test
    void targetsRunFromTheQualificationWhenNoSupervisorHoldsTheReport() {
        Report report = qualified(Category.THEFT);
        report.applyDecisions(decisions("P3", "NONE"));

        assertThat(report.priority()).isEqualTo(Priority.P3);
        assertThat(report.unitKind()).isEqualTo(UnitKind.TERRITORIAL);
        assertThat(report.forwardDueAt()).isEqualTo(QUALIFIED.plus(Duration.ofHours(4)));
        assertThat(report.validateDueAt()).isNull();
        assertThat(report.validationPending()).isFalse();
        assertThat(report.acknowledgeDueAt()).as("runs from the forwarding").isNull();
        assertThat(report.timeToAcknowledge()).isEqualTo("PT24H");

        Instant forwarded = QUALIFIED.plusSeconds(600);
        report.startAcknowledgementClock(forwarded);
        assertThat(report.acknowledgeDueAt()).isEqualTo(forwarded.plus(Duration.ofHours(24)));
    }

    @Test
    void aReportHeldForValidationStartsItsForwardingTargetAtTheApproval() {
        Report report = qualified(Category.RADICALISATION);
        report.applyDecisions(decisions("P2", "BEFORE_FORWARDING"));

        assertThat(report.validationPending()).isTrue();
        assertThat(report.validateDueAt()).isEqualTo(QUALIFIED.plus(Duration.ofHours(1)));
        assertThat(report.forwardDueAt()).isNull();

        Instant approved = QUALIFIED.plusSeconds(1800);
        report.validate(ValidationDecision.APPROVED, null, "superviseur", approved);
        assertThat(report.validationPending()).isFalse();
        assertThat(report.forwardDueAt()).isEqualTo(approved.plus(Duration.ofHours(4)));
        assertThat(report.validatedBy()).isEqualTo("superviseur");
    }

    @Test
    void aReportForwardedAtOnceKeepsItsForwardingTargetWhileValidationWaits() {
        Report report = qualified(Category.DISAPPEARANCE_MINOR);
        report.applyDecisions(decisions("P1", "AFTER_FORWARDING"));

        assertThat(report.validationPending()).isTrue();
        assertThat(report.forwardDueAt()).isEqualTo(QUALIFIED.plus(Duration.ofHours(4)));
        report.validate(ValidationDecision.SENT_BACK, "  Préciser le lieu.  ", "superviseur", QUALIFIED);
        assertThat(report.forwardDueAt()).isEqualTo(QUALIFIED.plus(Duration.ofHours(4)));
        assertThat(report.validationComment()).isEqualTo("Préciser le lieu.");
    }

    @Test
    void sendingBackNeedsACommentAndOnlyAPendingReportIsValidated() {
        Report report = qualified(Category.DISAPPEARANCE);
        report.applyDecisions(decisions("P2", "BEFORE_FORWARDING"));

        assertThatThrownBy(() -> report.validate(ValidationDecision.SENT_BACK, " ", "superviseur", QUALIFIED))
                .isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("code", "invalid_comment");
        assertThatThrownBy(
                        () -> report.validate(ValidationDecision.SENT_BACK, "x".repeat(2001), "superviseur", QUALIFIED))
                .hasFieldOrPropertyWithValue("code", "invalid_comment");
        assertThat(report.validationPending()).as("nothing recorded").isTrue();

        report.validate(ValidationDecision.APPROVED, null, "superviseur", QUALIFIED);
        assertThatThrownBy(() -> report.validate(ValidationDecision.APPROVED, null, "superviseur", QUALIFIED))
                .hasFieldOrPropertyWithValue("code", "not_awaiting_validation");

        Report none = qualified(Category.THEFT);
        none.applyDecisions(decisions("P4", "NONE"));
        assertThatThrownBy(() -> none.validate(ValidationDecision.APPROVED, null, "superviseur", QUALIFIED))
                .hasFieldOrPropertyWithValue("code", "not_awaiting_validation");
    }

    @Test
    void aDecisionTheCodeDoesNotKnowFailsInsteadOfDefaulting() {
        Map<String, Object> outputs = outputs("P5", "NONE");
        assertThatThrownBy(() -> Decisions.of(outputs, "Priority:1")).isInstanceOf(IllegalArgumentException.class);
        Map<String, Object> badDuration = outputs("P1", "NONE");
        badDuration.put("timeToForward", "15 minutes");
        assertThatThrownBy(() -> Decisions.of(badDuration, "ServiceLevels:1"))
                .isInstanceOf(IllegalStateException.class);
        Map<String, Object> missing = outputs("P1", "NONE");
        missing.remove("unitKind");
        assertThatThrownBy(() -> Decisions.of(missing, "UnitKind:1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theQualificationRequiresAnUrgency() {
        Qualification q = qualification(Category.THEFT, null);
        assertThatThrownBy(q::validated).hasFieldOrPropertyWithValue("code", "invalid_urgency");
        assertThat(qualification(Category.THEFT, Urgency.HIGH).urgent()).isTrue();
        assertThat(qualification(Category.THEFT, Urgency.NORMAL).urgent()).isFalse();
    }

    private static Report qualified(Category category) {
        Report report = new Report(1L, Platform.GENERALIST, "operateur", CREATED);
        report.qualify(
                qualification(category, Urgency.NORMAL).validated(),
                new FactsWhen(FactsWhen.Kind.EXACT, CREATED.minusSeconds(3600), null, ZoneId.of("Europe/Paris")),
                "operateur",
                QUALIFIED);
        return report;
    }

    private static Qualification qualification(Category category, Urgency urgency) {
        return new Qualification(
                category,
                "33000",
                "Bordeaux",
                FactsTime.exact(CREATED.minusSeconds(3600)),
                urgency,
                false,
                false,
                true,
                false,
                "Les faits.",
                Qualification.Reporter.NONE);
    }

    private static Decisions decisions(String priority, String validation) {
        return Decisions.of(outputs(priority, validation), "Priority:1 ServiceLevels:1 UnitKind:1 Validation:1");
    }

    private static Map<String, Object> outputs(String priority, String validation) {
        Map<String, Object> outputs = new HashMap<>();
        outputs.put("priority", priority);
        outputs.put("unitKind", "TERRITORIAL");
        outputs.put("validation", Validation.valueOf(validation).name());
        outputs.put("timeToValidate", "PT1H");
        outputs.put("timeToForward", "PT4H");
        outputs.put("timeToAcknowledge", "PT24H");
        return outputs;
    }
}
