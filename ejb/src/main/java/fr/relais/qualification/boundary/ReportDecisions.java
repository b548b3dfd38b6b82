package fr.relais.qualification.boundary;

import fr.relais.qualification.entity.Report;
import java.io.Serializable;
import java.time.Instant;

/**
 * What the decision tables decided for a report: its priority, the kind of unit competent, whether a
 * supervisor validates it, and its service-level targets as durations (ISO-8601) and due times (null
 * until the step's clock starts). {@code versions} names the table versions that decided.
 */
public record ReportDecisions(
        String priority,
        String unitKind,
        String validation,
        String timeToValidate,
        String timeToForward,
        String timeToAcknowledge,
        Instant validateDueAt,
        Instant forwardDueAt,
        Instant acknowledgeDueAt,
        String versions)
        implements Serializable {

    /** The report's decisions, or null before the tables decided. */
    public static ReportDecisions of(Report r) {
        if (r.priority() == null) {
            return null;
        }
        return new ReportDecisions(
                r.priority().name(),
                r.unitKind().name(),
                r.validation().name(),
                r.timeToValidate(),
                r.timeToForward(),
                r.timeToAcknowledge(),
                r.validateDueAt(),
                r.forwardDueAt(),
                r.acknowledgeDueAt(),
                r.decisionVersions());
    }
}
