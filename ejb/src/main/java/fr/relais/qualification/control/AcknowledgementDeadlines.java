package fr.relais.qualification.control;

import java.time.Duration;
import java.time.Instant;

/**
 * The two deadlines of a unit's acknowledgement: the target decided by {@code ServiceLevels.dmn} (escalated
 * to the platform's supervisors when missed), and a second one (escalated to the unit's departmental
 * level): the target plus the same delay again, or plus {@code RELAIS_ACK_SECOND_ESCALATION} when set.
 * A report without a target (none decided) gets the loosest one, 24 hours.
 */
public record AcknowledgementDeadlines(Instant target, Instant department) {
    /** The target when no decision gave one (the loosest of {@code ServiceLevels.dmn}). */
    public static final Duration DEFAULT_DELAY = Duration.ofHours(24);

    /**
     * @param forwardedAt when the report reached the unit
     * @param target the stored target, if any
     * @param delay the decided time to acknowledge, if any
     * @param secondDelay the setting's delay after the target, or null for the same delay again
     */
    public static AcknowledgementDeadlines of(
            Instant forwardedAt, Instant target, Duration delay, Duration secondDelay) {
        Duration first = delay != null && !delay.isNegative() ? delay : DEFAULT_DELAY;
        Instant due = target != null ? target : forwardedAt.plus(first);
        return new AcknowledgementDeadlines(due, due.plus(secondDelay != null ? secondDelay : first));
    }

    /** Reads the setting: an ISO-8601 duration, positive, or blank for none. */
    public static Duration parseSetting(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Duration d = Duration.parse(value.strip());
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("RELAIS_ACK_SECOND_ESCALATION must be a positive ISO-8601 duration");
        }
        return d;
    }
}
