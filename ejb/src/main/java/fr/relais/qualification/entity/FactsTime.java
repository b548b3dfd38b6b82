package fr.relais.qualification.entity;

import fr.relais.shared.DomainException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.Temporal;

/**
 * When the facts happened, as the operator gives it: exactly one of a moment ({@link Kind#EXACT}: a
 * date and time, or a date alone when the time is unknown), a period ({@link Kind#PERIOD}: from, to)
 * or an explicit {@link Kind#UNKNOWN}. Never silently empty: a qualification without it is refused.
 *
 * <p>Each bound is an {@link Instant} (an absolute moment, e.g. ISO-8601 with an offset), a {@link
 * LocalDateTime} or a {@link LocalDate}, the last two told in the time of the place's department and
 * interpreted there by {@link #resolve(ZoneId, Instant)}.
 */
public record FactsTime(Kind kind, Temporal at, Temporal from, Temporal to) {
    /** Typing lag and clock drift: a moment up to this far ahead of now is not "in the future". */
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    public enum Kind {
        EXACT,
        PERIOD,
        UNKNOWN
    }

    public FactsTime {
        for (Temporal t : new Temporal[] {at, from, to}) {
            if (t != null && !(t instanceof Instant || t instanceof LocalDateTime || t instanceof LocalDate)) {
                throw new IllegalArgumentException("Unsupported moment " + t.getClass());
            }
        }
    }

    public static FactsTime exact(Temporal at) {
        return new FactsTime(Kind.EXACT, at, null, null);
    }

    public static FactsTime period(Temporal from, Temporal to) {
        return new FactsTime(Kind.PERIOD, null, from, to);
    }

    public static FactsTime unknown() {
        return new FactsTime(Kind.UNKNOWN, null, null, null);
    }

    /** Refuses a "when" that is missing or incomplete, naming the field; the dates are checked by resolve. */
    public static FactsTime required(FactsTime when) {
        if (when == null || when.kind() == null) {
            throw missing();
        }
        switch (when.kind()) {
            case EXACT -> {
                if (when.at() == null) {
                    throw DomainException.invalid("invalid_facts_at", "La date des faits est obligatoire.");
                }
            }
            case PERIOD -> {
                if (when.from() == null) {
                    throw DomainException.invalid("invalid_facts_from", "Le début de la période est obligatoire.");
                }
                if (when.to() == null) {
                    throw DomainException.invalid("invalid_facts_to", "La fin de la période est obligatoire.");
                }
            }
            case UNKNOWN -> {}
        }
        return when;
    }

    static DomainException missing() {
        return DomainException.invalid(
                "missing_facts_when",
                "Quand les faits ont-ils eu lieu ? Une date (avec l'heure si elle est connue), une période,"
                        + " ou « inconnue » : ce champ est obligatoire.");
    }

    /**
     * The "when" in UTC, the local dates and times read in {@code zone} (the place's department's): a
     * date alone is that whole day, a period runs from the start of its first bound to the end of its
     * last. Refuses a moment in the future (after {@code now}) and a period that ends before it starts.
     */
    public FactsWhen resolve(ZoneId zone, Instant now) {
        required(this);
        return switch (kind) {
            case UNKNOWN -> FactsWhen.UNKNOWN;
            case EXACT -> {
                notInFuture(at, zone, now, "invalid_facts_at", "La date des faits est dans le futur.");
                yield at instanceof LocalDate day
                        ? new FactsWhen(FactsWhen.Kind.DAY, startOf(day, zone), startOf(day.plusDays(1), zone), zone)
                        : new FactsWhen(FactsWhen.Kind.EXACT, start(at, zone), null, zone);
            }
            case PERIOD -> {
                notInFuture(from, zone, now, "invalid_facts_from", "Le début de la période est dans le futur.");
                notInFuture(to, zone, now, "invalid_facts_to", "La fin de la période est dans le futur.");
                Instant start = start(from, zone);
                Instant end = end(to, zone);
                if (!end.isAfter(start)) {
                    throw DomainException.invalid(
                            "invalid_facts_period", "La fin de la période doit être après son début.");
                }
                yield new FactsWhen(FactsWhen.Kind.PERIOD, start, end, zone);
            }
        };
    }

    private static void notInFuture(Temporal moment, ZoneId zone, Instant now, String code, String message) {
        boolean future = moment instanceof LocalDate day
                ? day.isAfter(LocalDate.ofInstant(now, zone))
                : start(moment, zone).isAfter(now.plus(TOLERANCE));
        if (future) {
            throw DomainException.invalid(code, message);
        }
    }

    private static Instant start(Temporal moment, ZoneId zone) {
        if (moment instanceof Instant instant) {
            return instant;
        }
        if (moment instanceof LocalDateTime local) {
            return local.atZone(zone).toInstant();
        }
        return startOf((LocalDate) moment, zone);
    }

    /** A period's end: a date alone ends with its day. */
    private static Instant end(Temporal moment, ZoneId zone) {
        return moment instanceof LocalDate day ? startOf(day.plusDays(1), zone) : start(moment, zone);
    }

    private static Instant startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }
}
