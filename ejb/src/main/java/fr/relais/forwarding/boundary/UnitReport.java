package fr.relais.forwarding.boundary;

import fr.relais.forwarding.entity.Handoff;
import fr.relais.qualification.boundary.ReportDecisions;
import fr.relais.qualification.entity.Qualification;
import fr.relais.qualification.entity.Report;
import java.time.Instant;

/**
 * A report as a unit receives it: what left the platform and nothing else. No original narrative, no
 * conversation; the reporter's identity and contact only when the reporter did not ask for anonymity
 * and agreed to be contacted. {@code competenceRule} and {@code competenceReason} say which rule of
 * competence chose the unit, and why.
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
        ReportDecisions decisions) {

    /** The unit's view of where the report stands with it. */
    static String status(Handoff handoff) {
        if (handoff.decision() == null) {
            return "FORWARDED";
        }
        return handoff.decision() == Handoff.Decision.ACCEPTED ? "TAKEN_OVER" : "DECLINED";
    }

    static UnitReport of(Report r, Handoff handoff) {
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
                ReportDecisions.of(r));
    }
}
