package fr.relais.forwarding.boundary;

import fr.relais.forwarding.entity.Handoff;
import java.io.Serializable;
import java.time.Instant;

/**
 * One forwarding of a report in its history of handoffs: to which unit, why, and what the unit answered
 * (acknowledged, taken over or declined with its reason and suggestion, the outcome).
 */
public record HandoffStep(
        String unitCode,
        Instant forwardedAt,
        String forwardedBy,
        String competenceRule,
        String competenceReason,
        String acknowledgedBy,
        Instant acknowledgedAt,
        String decision,
        String decidedBy,
        Instant decidedAt,
        String declineReason,
        String suggestedUnit,
        String outcome,
        Instant outcomeAt)
        implements Serializable {

    static HandoffStep of(Handoff h) {
        return new HandoffStep(
                h.unitCode(),
                h.forwardedAt(),
                h.forwardedBy(),
                h.competenceRule(),
                h.competenceReason(),
                h.acknowledgedBy(),
                h.acknowledgedAt(),
                h.decision() == null ? null : h.decision().name(),
                h.decidedBy(),
                h.decidedAt(),
                h.declineReason(),
                h.suggestedUnit(),
                h.outcome() == null ? null : h.outcome().name(),
                h.outcomeAt());
    }
}
