package fr.relais.qualification.boundary;

import fr.relais.forwarding.entity.Handoff;
import fr.relais.qualification.entity.Qualification;
import fr.relais.qualification.entity.Report;
import fr.relais.workflow.ProcessVariables;
import java.io.Serializable;
import java.time.Instant;

/**
 * A report as its platform's staff see it: the narrative as told, the identity, where it went, and for a
 * report received by the public form what the citizen stated there. Once {@code sealed}, the original
 * narrative and an anonymous reporter's identity are absent: only an unsealing opens them.
 */
public record StaffReport(
        long id,
        String reference,
        Long chatId,
        String platform,
        String operator,
        String status,
        String category,
        String postalCode,
        String commune,
        String communeInsee,
        Instant factsAt,
        String factsWhen,
        Instant factsUntil,
        String factsZone,
        boolean urgent,
        String urgency,
        boolean dangerNow,
        boolean victimMinor,
        boolean anonymous,
        boolean contactConsent,
        String narrative,
        String outgoingNarrative,
        Qualification.Reporter reporter,
        String unitCode,
        String competenceRule,
        String competenceReason,
        String declineReason,
        Instant createdAt,
        ReportDecisions decisions,
        SupervisorValidation supervisorValidation,
        Statement statement,
        boolean sealed)
        implements Serializable {

    /**
     * Where the supervisor's validation stands: pending, or the answer (a comment when sent back, which
     * the operator reads); null when the report needs none.
     */
    public record SupervisorValidation(
            boolean pending, String decision, String comment, String validatedBy, Instant validatedAt)
            implements Serializable {

        static SupervisorValidation of(Report r) {
            if (r.validation() == null || r.validation() == ProcessVariables.Validation.NONE) {
                return null;
            }
            return new SupervisorValidation(
                    r.validationPending(),
                    r.validationDecision() == null
                            ? null
                            : r.validationDecision().name(),
                    r.validationComment(),
                    r.validatedBy(),
                    r.validatedAt());
        }
    }

    /** {@code statement}: what the citizen stated on the public form; null for a report made in a conversation. */
    static StaffReport of(Report r, Handoff last, Statement statement) {
        return new StaffReport(
                r.id(),
                r.reference(),
                r.chatId(),
                r.platform().name(),
                r.operator(),
                r.status().name(),
                r.category() == null ? null : r.category().name(),
                r.postalCode(),
                r.commune(),
                r.communeInsee(),
                r.factsAt(),
                r.factsWhen() == null ? null : r.factsWhen().kind().name(),
                r.factsWhen() == null ? null : r.factsWhen().until(),
                r.factsWhen() == null || r.factsWhen().zone() == null
                        ? null
                        : r.factsWhen().zone().getId(),
                r.urgent(),
                r.urgency() == null ? null : r.urgency().name(),
                r.dangerNow(),
                r.victimMinor(),
                r.anonymous(),
                r.contactConsent(),
                r.narrative(),
                r.outgoingNarrative(),
                r.reporter(),
                last == null ? null : last.unitCode(),
                last == null ? null : last.competenceRule(),
                last == null ? null : last.competenceReason(),
                last == null ? null : last.declineReason(),
                r.createdAt(),
                ReportDecisions.of(r),
                SupervisorValidation.of(r),
                statement,
                r.sealed());
    }
}
