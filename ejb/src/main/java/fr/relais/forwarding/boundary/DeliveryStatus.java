package fr.relais.forwarding.boundary;

import fr.relais.forwarding.entity.Delivery;
import fr.relais.workflow.Workflow;
import java.io.Serializable;
import java.time.Instant;

/**
 * A delivery as an admin sees it: the report's reference and the unit, the attempts and their last
 * outcome ({@code HTTP_503}, {@code TIMEOUT}, {@code UNREACHABLE}, ...), and {@code state}:
 * {@code PENDING}, {@code DELIVERED}, {@code WITHDRAWN}, or {@code FAILED} since {@code failedSince}
 * when the engine gave up (an incident) and an admin's retry is awaited. No report content.
 */
public record DeliveryStatus(
        long id,
        long reportId,
        String reference,
        String unitCode,
        String state,
        int attempts,
        Instant createdAt,
        Instant lastAttemptAt,
        String lastOutcome,
        Instant deliveredAt,
        Instant failedSince)
        implements Serializable {

    static DeliveryStatus of(Delivery d, String reference, Workflow.Stuck stuck) {
        boolean failed = stuck != null && d.pending();
        return new DeliveryStatus(
                d.id(),
                d.reportId(),
                reference,
                d.unitCode(),
                failed ? "FAILED" : d.state().name(),
                d.attempts(),
                d.createdAt(),
                d.lastAttemptAt(),
                d.lastOutcome(),
                d.deliveredAt(),
                failed ? stuck.since() : null);
    }
}
