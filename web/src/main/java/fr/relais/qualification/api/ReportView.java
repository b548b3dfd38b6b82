package fr.relais.qualification.api;

import fr.relais.qualification.entity.Qualification;
import fr.relais.qualification.entity.Report;
import java.time.Instant;

/**
 * A report as one audience may see it. Platform staff see the narrative as told; a unit sees only
 * what left the platform, without the reporter's identity when anonymity was asked.
 */
public record ReportView(
        long id,
        long chatId,
        String platform,
        String status,
        String category,
        String postalCode,
        String commune,
        Instant factsAt,
        boolean urgent,
        boolean victimMinor,
        boolean anonymous,
        String narrative,
        String outgoingNarrative,
        Qualification.Reporter reporter,
        String unitCode,
        String declineReason,
        Instant createdAt,
        Instant forwardedAt,
        Instant takenOverAt) {

    public static ReportView forStaff(Report r) {
        return of(r, r.narrative(), r.outgoingNarrative(), r.reporter());
    }

    public static ReportView forUnit(Report r) {
        return of(r, r.outgoingNarrative(), null, r.anonymous() ? null : r.reporter());
    }

    private static ReportView of(Report r, String narrative, String outgoing, Qualification.Reporter reporter) {
        return new ReportView(
                r.id(),
                r.chatId(),
                r.platform().name(),
                r.status().name(),
                name(r.category()),
                r.postalCode(),
                r.commune(),
                r.factsAt(),
                r.urgent(),
                r.victimMinor(),
                r.anonymous(),
                narrative,
                outgoing,
                reporter,
                r.unitCode(),
                r.declineReason(),
                r.createdAt(),
                r.forwardedAt(),
                r.takenOverAt());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
