package fr.relais.qualification.entity;

import java.time.Instant;
import java.time.ZoneId;

/**
 * When the facts happened, as a report stores it: in UTC, with the zone it was told in.
 *
 * @param kind {@code EXACT} (a moment, {@code from}), {@code DAY} (a date whose time is unknown: from
 *     its start to the start of the next day), {@code PERIOD} (from, until) or {@code UNKNOWN}
 * @param from the moment, or the start (inclusive)
 * @param until the end of a day or period (exclusive for a day), else null
 * @param zone the time zone of the place's department, in which the operator told the dates
 */
public record FactsWhen(Kind kind, Instant from, Instant until, ZoneId zone) {
    public static final FactsWhen UNKNOWN = new FactsWhen(Kind.UNKNOWN, null, null, null);

    public enum Kind {
        EXACT,
        DAY,
        PERIOD,
        UNKNOWN
    }
}
