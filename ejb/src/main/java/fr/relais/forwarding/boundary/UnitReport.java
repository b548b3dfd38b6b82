package fr.relais.forwarding.boundary;

import fr.relais.forwarding.entity.Handoff;
import fr.relais.qualification.boundary.ReportDecisions;
import fr.relais.qualification.entity.Qualification;
import fr.relais.qualification.entity.Report;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A report as a unit receives it: what left the platform and nothing else. No original narrative, no
 * conversation; the reporter's identity and contact only when the reporter did not ask for anonymity
 * and agreed to be contacted. {@code competenceRule} and {@code competenceReason} say which rule of
 * competence chose the unit, and why. {@code status} is where the report stands with the unit
 * (FORWARDED, ACKNOWLEDGED, TAKEN_OVER, CLOSED, DECLINED); {@code nextStep} the step open for it now
 * (ACKNOWLEDGE, TAKE_OVER, RECORD_OUTCOME), null while the engine records the last answer or once the
 * report is closed. {@code history} lists the report's forwardings, oldest first. {@code escalatedAt}
 * and {@code escalatedToDepartmentAt} say when a missed acknowledgement was escalated to the platform's
 * supervisors and to {@code departmentUnit}; {@code readOnly} is true for that departmental level.
 */
public record UnitReport(
        long id,
        String reference,
        String platform,
        String status,
        String unitCode,
        String competenceRule,
        String competenceReason,
        String category,
        String postalCode,
        String commune,
        Instant factsAt,
        String factsWhen,
        Instant factsUntil,
        String factsZone,
        boolean urgent,
        String urgency,
        boolean dangerNow,
        boolean victimMinor,
        boolean anonymous,
        String narrative,
        Qualification.Reporter reporter,
        Instant forwardedAt,
        String decidedBy,
        Instant decidedAt,
        String acknowledgedBy,
        Instant acknowledgedAt,
        String outcome,
        String outcomeNote,
        Instant closedAt,
        String nextStep,
        ReportDecisions decisions,
        List<HandoffStep> history,
        Instant escalatedAt,
        Instant escalatedToDepartmentAt,
        String departmentUnit,
        boolean readOnly)
        implements Serializable {

    /** The unit's view of where the report stands with it. */
    static String status(Handoff handoff) {
        if (handoff.decision() == null) {
            return handoff.acknowledged() ? "ACKNOWLEDGED" : "FORWARDED";
        }
        if (handoff.decision() == Handoff.Decision.DECLINED) {
            return "DECLINED";
        }
        return handoff.outcome() == null ? "TAKEN_OVER" : "CLOSED";
    }

    /** The step the unit can take now: the report's process has reached it and the unit has not answered it. */
    static String nextStep(Report r, Handoff handoff) {
        if (handoff.decision() == null && !handoff.acknowledged() && r.status() == Report.Status.FORWARDED) {
            return "ACKNOWLEDGE";
        }
        if (handoff.decision() == null && handoff.acknowledged() && r.status() == Report.Status.ACKNOWLEDGED) {
            return "TAKE_OVER";
        }
        if (handoff.decision() == Handoff.Decision.ACCEPTED
                && handoff.outcome() == null
                && r.status() == Report.Status.TAKEN_OVER) {
            return "RECORD_OUTCOME";
        }
        return null;
    }

    static UnitReport of(Report r, Handoff handoff) {
        return of(r, handoff, List.of());
    }

    static UnitReport of(Report r, Handoff handoff, List<HandoffStep> history) {
        return of(r, handoff, history, false);
    }

    /**
     * {@code readOnly}: read by the departmental level the missed acknowledgement was escalated to,
     * which cannot answer for the unit ({@code nextStep} is then null).
     */
    static UnitReport of(Report r, Handoff handoff, List<HandoffStep> history, boolean readOnly) {
        return new UnitReport(
                r.id(),
                r.reference(),
                r.platform().name(),
                status(handoff),
                handoff.unitCode(),
                handoff.competenceRule(),
                handoff.competenceReason(),
                r.category() == null ? null : r.category().name(),
                r.postalCode(),
                r.commune(),
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
                r.outgoingNarrative(),
                r.reporterReachable() ? r.reporter() : null,
                handoff.forwardedAt(),
                handoff.decidedBy(),
                handoff.decidedAt(),
                handoff.acknowledgedBy(),
                handoff.acknowledgedAt(),
                handoff.outcome() == null ? null : handoff.outcome().name(),
                handoff.outcomeNote(),
                r.closedAt(),
                readOnly ? null : nextStep(r, handoff),
                ReportDecisions.of(r),
                history,
                handoff.escalatedAt(),
                handoff.escalatedToDepartmentAt(),
                handoff.departmentUnit(),
                readOnly);
    }
}
