package fr.relais.forwarding.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.shared.DomainException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HandoffTest {
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void aUnitAnswersOnceAndLosesTheReportItDeclines() {
        Handoff handoff =
                new Handoff(7L, "CSP-GUYANCOURT", null, NOW, "COMMUNE_UNIT", "Commissariat couvrant la commune.");
        assertThat(handoff.heldByUnit()).isTrue();

        handoff.decline("agent-guyancourt", "Faits commis à Versailles.", "CSP-VERSAILLES", NOW.plusSeconds(60));

        assertThat(handoff.heldByUnit()).isFalse();
        assertThat(handoff.decision()).isEqualTo(Handoff.Decision.DECLINED);
        assertThat(handoff.decidedBy()).isEqualTo("agent-guyancourt");
        assertThat(handoff.suggestedUnit()).isEqualTo("CSP-VERSAILLES");
        assertThatThrownBy(() -> handoff.accept("agent-guyancourt-2", NOW.plusSeconds(90)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("already_decided"));
    }

    @Test
    void aUnitKeepsTheReportItTookOver() {
        Handoff handoff = new Handoff(7L, "CSP-GUYANCOURT", "superviseur", NOW, "REROUTED", "Choisie par superviseur.");

        handoff.accept("agent-guyancourt", NOW.plusSeconds(60));

        assertThat(handoff.heldByUnit()).isTrue();
        assertThat(handoff.decidedAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void acknowledgingReceiptComesOnceAndBeforeTheAnswer() {
        Handoff handoff =
                new Handoff(7L, "CSP-GUYANCOURT", null, NOW, "COMMUNE_UNIT", "Commissariat couvrant la commune.");

        handoff.acknowledge("agent-guyancourt", NOW.plusSeconds(30));

        assertThat(handoff.acknowledged()).isTrue();
        assertThat(handoff.acknowledgedBy()).isEqualTo("agent-guyancourt");
        assertThat(handoff.acknowledgedAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(handoff.decision()).isNull();
        assertThatThrownBy(() -> handoff.acknowledge("agent-guyancourt-2", NOW.plusSeconds(40)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("already_acknowledged"));

        handoff.accept("agent-guyancourt-2", NOW.plusSeconds(90));
        assertThat(handoff.acknowledgedBy())
                .as("the take-over keeps who acknowledged")
                .isEqualTo("agent-guyancourt");
    }

    @Test
    void takingOverAReportNotYetAcknowledgedAcknowledgesItToo() {
        Handoff handoff =
                new Handoff(7L, "CSP-GUYANCOURT", null, NOW, "COMMUNE_UNIT", "Commissariat couvrant la commune.");

        handoff.accept("agent-guyancourt", NOW.plusSeconds(60));

        assertThat(handoff.acknowledgedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(handoff.acknowledgedBy()).isEqualTo("agent-guyancourt");
    }

    @Test
    void anOutcomeFollowsATakeOverAndIsRecordedOnce() {
        Handoff handoff =
                new Handoff(7L, "CSP-GUYANCOURT", null, NOW, "COMMUNE_UNIT", "Commissariat couvrant la commune.");
        assertThatThrownBy(() -> handoff.recordOutcome(Handoff.Outcome.NO_FURTHER_ACTION, null, "agent", NOW))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("not_taken_over"));

        handoff.accept("agent-guyancourt", NOW.plusSeconds(60));
        handoff.recordOutcome(
                Handoff.Outcome.COMPLAINT_RECORDED, "Plainte n° 123", "agent-guyancourt", NOW.plusSeconds(120));

        assertThat(handoff.outcome()).isEqualTo(Handoff.Outcome.COMPLAINT_RECORDED);
        assertThat(handoff.outcomeAt()).isEqualTo(NOW.plusSeconds(120));
        assertThatThrownBy(() -> handoff.recordOutcome(Handoff.Outcome.OTHER, "x", "agent", NOW.plusSeconds(130)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("outcome_recorded"));
    }

    @Test
    void aMissedAcknowledgementEscalatesOnceToEachLevelWhileTheUnitHasNotAnswered() {
        Handoff handoff = new Handoff(7L, "CSP-GUYANCOURT", null, NOW, "COMMUNE_UNIT", "Commissariat.");

        assertThat(handoff.escalate(NOW.plusSeconds(3600))).isTrue();
        assertThat(handoff.escalate(NOW.plusSeconds(3601))).as("once").isFalse();
        assertThat(handoff.escalatedAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(handoff.escalatedTo("POLICE-78"))
                .as("not yet the department")
                .isFalse();

        assertThat(handoff.escalateToDepartment("POLICE-78", NOW.plusSeconds(7200)))
                .isTrue();
        assertThat(handoff.escalateToDepartment("POLICE-78", NOW.plusSeconds(7201)))
                .isFalse();
        assertThat(handoff.escalatedToDepartmentAt()).isEqualTo(NOW.plusSeconds(7200));
        assertThat(handoff.escalatedTo("POLICE-78")).isTrue();
        assertThat(handoff.escalatedTo("POLICE-33")).isFalse();
        assertThat(handoff.escalatedTo(null)).isFalse();
    }

    @Test
    void anAnsweredHandoffIsNotEscalated() {
        Handoff acknowledged = new Handoff(7L, "CSP-GUYANCOURT", null, NOW, "COMMUNE_UNIT", "Commissariat.");
        acknowledged.acknowledge("agent-guyancourt", NOW.plusSeconds(60));
        assertThat(acknowledged.escalate(NOW.plusSeconds(3600))).isFalse();
        assertThat(acknowledged.escalateToDepartment("POLICE-78", NOW.plusSeconds(7200)))
                .isFalse();
        assertThat(acknowledged.escalatedAt()).isNull();

        Handoff declined = new Handoff(8L, "CSP-GUYANCOURT", null, NOW, "COMMUNE_UNIT", "Commissariat.");
        declined.decline("agent-guyancourt", "Pas chez nous.", null, NOW.plusSeconds(60));
        assertThat(declined.escalateToDepartment("POLICE-78", NOW.plusSeconds(7200)))
                .isFalse();
        assertThat(declined.escalatedTo("POLICE-78")).isFalse();
    }
}
