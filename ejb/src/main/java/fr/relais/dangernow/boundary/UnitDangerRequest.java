package fr.relais.dangernow.boundary;

import fr.relais.dangernow.entity.DangerRequest;
import java.io.Serializable;
import java.time.Instant;

/**
 * A danger-now request as the unit's desk sees it: the place and the operator's summary, which
 * platform calls; never the chat nor the operator.
 */
public record UnitDangerRequest(
        long id,
        String platform,
        String postalCode,
        String commune,
        String summary,
        Instant raisedAt,
        boolean acknowledged,
        String acknowledgedBy,
        Instant acknowledgedAt,
        boolean escalated)
        implements Serializable {

    static UnitDangerRequest of(DangerRequest d) {
        return new UnitDangerRequest(
                d.id(),
                d.platform().name(),
                d.postalCode(),
                d.commune(),
                d.summary(),
                d.raisedAt(),
                d.isAcknowledged(),
                d.acknowledgedBy(),
                d.acknowledgedAt(),
                d.escalatedAt() != null);
    }
}
