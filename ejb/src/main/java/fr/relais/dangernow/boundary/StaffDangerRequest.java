package fr.relais.dangernow.boundary;

import fr.relais.dangernow.entity.DangerRequest;
import java.time.Instant;

/** A danger-now request as the platform's staff and the auditors see it (auditors: summary redacted). */
public record StaffDangerRequest(
        long id,
        long chatId,
        String platform,
        String unitCode,
        String unitName,
        String postalCode,
        String commune,
        String summary,
        String raisedBy,
        Instant raisedAt,
        boolean acknowledged,
        String acknowledgedBy,
        Instant acknowledgedAt,
        Instant escalatedAt) {

    static StaffDangerRequest of(DangerRequest d, String unitName, String summary) {
        return new StaffDangerRequest(
                d.id(),
                d.chatId(),
                d.platform().name(),
                d.unitCode(),
                unitName,
                d.postalCode(),
                d.commune(),
                summary,
                d.raisedBy(),
                d.raisedAt(),
                d.isAcknowledged(),
                d.acknowledgedBy(),
                d.acknowledgedAt(),
                d.escalatedAt());
    }
}
