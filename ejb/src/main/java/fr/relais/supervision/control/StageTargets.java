package fr.relais.supervision.control;

import fr.relais.qualification.entity.Report;
import java.time.Duration;
import java.time.Instant;

/**
 * The target of the stage a report is in, from what {@code ServiceLevels.dmn} decided and the report
 * stores: validation by its validation due time, anonymising, review and forwarding by its forwarding
 * due time, the unit's acknowledgement by its acknowledgement due time, rerouting after a decline by the
 * forwarding delay again from the decline. Qualifying has none (the tables decide after it).
 */
public final class StageTargets {
    private StageTargets() {}

    public static Instant dueAt(Report.Status stage, Instant since, Report report) {
        return switch (stage) {
            case AWAITING_VALIDATION -> report.validateDueAt();
            case ANONYMISING, IN_REVIEW, FORWARDING -> report.forwardDueAt();
            case FORWARDED -> report.acknowledgeDueAt();
            case REROUTING -> report.timeToForward() == null
                    ? null
                    : since.plus(Duration.parse(report.timeToForward()));
            default -> null;
        };
    }
}
