package fr.relais.qualification.boundary;

import fr.relais.forwarding.entity.Handoff;
import fr.relais.qualification.entity.Qualification;
import fr.relais.qualification.entity.Report;
import java.time.Instant;

/** A report as its platform's staff see it: the narrative as told, the identity, and where it went. */
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
        Instant factsAt,
        boolean urgent,
        boolean victimMinor,
        boolean anonymous,
        boolean contactConsent,
        String narrative,
        String outgoingNarrative,
        Qualification.Reporter reporter,
        String unitCode,
        String declineReason,
        Instant createdAt) {

    static StaffReport of(Report r, Handoff last) {
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
                r.factsAt(),
                r.urgent(),
                r.victimMinor(),
                r.anonymous(),
                r.contactConsent(),
                r.narrative(),
                r.outgoingNarrative(),
                r.reporter(),
                last == null ? null : last.unitCode(),
                last == null ? null : last.declineReason(),
                r.createdAt());
    }
}
