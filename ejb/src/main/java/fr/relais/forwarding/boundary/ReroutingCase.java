package fr.relais.forwarding.boundary;

import fr.relais.forwarding.entity.Handoff;
import fr.relais.qualification.entity.Report;
import java.time.Instant;

/** A report waiting for a supervisor to choose its unit: declined (by whom, when, why), or no unit covers it. */
public record ReroutingCase(
        long id,
        String reference,
        String category,
        String postalCode,
        String commune,
        boolean urgent,
        Instant createdAt,
        String declinedBy,
        String declineReason,
        Instant declinedAt) {

    static ReroutingCase of(Report r, Handoff declined) {
        return new ReroutingCase(
                r.id(),
                r.reference(),
                r.category() == null ? null : r.category().name(),
                r.postalCode(),
                r.commune(),
                r.urgent(),
                r.createdAt(),
                declined == null ? null : declined.unitCode(),
                declined == null ? null : declined.declineReason(),
                declined == null ? null : declined.decidedAt());
    }
}
