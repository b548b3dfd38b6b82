package fr.relais.sla.boundary;

import fr.relais.sla.entity.Alert;
import java.io.Serializable;
import java.time.Instant;

/**
 * An alert as the platform's supervisors see it: what ({@code kind}), where (report or chat, unit),
 * when, a short detail, and who acknowledged it and when (null while open).
 */
public record AlertView(
        long id,
        String kind,
        String platform,
        Long reportId,
        Long chatId,
        String unitCode,
        Instant raisedAt,
        String detail,
        String acknowledgedBy,
        Instant acknowledgedAt)
        implements Serializable {

    static AlertView of(Alert a) {
        return new AlertView(
                a.id(),
                a.kind().name(),
                a.platform() == null ? null : a.platform().name(),
                a.reportId(),
                a.chatId(),
                a.unitCode(),
                a.raisedAt(),
                a.detail(),
                a.acknowledgedBy(),
                a.acknowledgedAt());
    }
}
