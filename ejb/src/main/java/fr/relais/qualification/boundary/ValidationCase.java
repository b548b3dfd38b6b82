package fr.relais.qualification.boundary;

import fr.relais.qualification.entity.Report;
import java.io.Serializable;
import java.time.Instant;

/**
 * A report waiting for a supervisor's validation, as its platform's supervisors see it in their list:
 * before forwarding (held), or after (already forwarded, validated afterwards).
 */
public record ValidationCase(
        long id,
        String operator,
        String status,
        String category,
        String commune,
        String urgency,
        boolean dangerNow,
        boolean victimMinor,
        String priority,
        String unitKind,
        String validation,
        String narrative,
        Instant qualifiedAt,
        Instant validateDueAt)
        implements Serializable {

    static ValidationCase of(Report r) {
        return new ValidationCase(
                r.id(),
                r.operator(),
                r.status().name(),
                r.category() == null ? null : r.category().name(),
                r.commune(),
                r.urgency() == null ? null : r.urgency().name(),
                r.dangerNow(),
                r.victimMinor(),
                r.priority() == null ? null : r.priority().name(),
                r.unitKind() == null ? null : r.unitKind().name(),
                r.validation() == null ? null : r.validation().name(),
                r.narrative(),
                r.qualifiedAt(),
                r.validateDueAt());
    }
}
