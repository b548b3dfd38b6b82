package fr.relais.qualification.boundary;

import fr.relais.forwarding.entity.Handoff;
import fr.relais.qualification.entity.Report;
import java.time.Instant;

/**
 * A report as an auditor sees it without unsealing: no identity or contact, the narrative with every
 * personal datum the anonymisation engine finds redacted.
 */
public record AuditedReport(
        long id,
        String reference,
        Long chatId,
        String platform,
        String operator,
        String status,
        String category,
        String postalCode,
        String commune,
        Instant factsAt,
        String factsWhen,
        Instant factsUntil,
        String factsZone,
        boolean urgent,
        boolean victimMinor,
        boolean anonymous,
        String narrative,
        String unitCode,
        Instant createdAt,
        ReportDecisions decisions) {

    static AuditedReport of(Report r, String redactedNarrative, Handoff last) {
        return new AuditedReport(
                r.id(),
                r.reference(),
                r.chatId(),
                r.platform().name(),
                r.operator(),
                r.status().name(),
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
                r.victimMinor(),
                r.anonymous(),
                redactedNarrative,
                last == null ? null : last.unitCode(),
                r.createdAt(),
                ReportDecisions.of(r));
    }
}
