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

        handoff.decline("agent-guyancourt", "Faits commis à Versailles.", NOW.plusSeconds(60));

        assertThat(handoff.heldByUnit()).isFalse();
        assertThat(handoff.decision()).isEqualTo(Handoff.Decision.DECLINED);
        assertThat(handoff.decidedBy()).isEqualTo("agent-guyancourt");
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
}
