package fr.relais.appointment.control;

import fr.relais.shared.DomainException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A unit's slots from its pattern, with no state: weekly openings in the unit's local time, closed days
 * that remove a day's weekly openings, and extra openings on one day. Each opening is cut into slots
 * of its length from its start; a slot whose local start does not exist (the hour skipped when clocks go
 * forward) is left out, and one whose local start happens twice (clocks go back) is taken at its first
 * occurrence, so slots are instants and never ambiguous. A slot lasts its length in real time.
 */
public final class SlotCalendar {
    /** The zone of every unit's pattern (mainland France). */
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    public static final int MAX_SLOT_MINUTES = 240;
    public static final int MIN_SLOT_MINUTES = 5;
    public static final int MAX_DESKS = 20;
    public static final int MAX_RULES = 200;

    public enum RuleKind {
        /** Open every such day of the week. */
        WEEKLY,
        /** No weekly opening on that day. */
        CLOSED,
        /** Open on that day, in addition to the weekly openings unless the day is closed. */
        EXTRA
    }

    /**
     * A rule of the pattern: {@code dayOfWeek} for {@link RuleKind#WEEKLY}, {@code day} for the others;
     * times in minutes from local midnight, {@code endMinute} excluded; a closed day has no times.
     */
    public record Rule(
            RuleKind kind,
            DayOfWeek dayOfWeek,
            LocalDate day,
            Integer startMinute,
            Integer endMinute,
            Integer slotMinutes,
            Integer desks) {

        /** The rule, checked: refused with a code naming what is wrong. */
        public Rule checked() {
            if (kind == null) {
                throw DomainException.invalid("invalid_rule", "Type de règle inconnu (WEEKLY, CLOSED ou EXTRA).");
            }
            if (kind == RuleKind.WEEKLY && (dayOfWeek == null || day != null)) {
                throw DomainException.invalid("invalid_rule", "Une ouverture hebdomadaire a un jour de la semaine.");
            }
            if (kind != RuleKind.WEEKLY && (day == null || dayOfWeek != null)) {
                throw DomainException.invalid("invalid_rule", "Une exception porte sur une date.");
            }
            if (kind == RuleKind.CLOSED) {
                return new Rule(kind, null, day, null, null, null, null);
            }
            if (startMinute == null
                    || endMinute == null
                    || startMinute < 0
                    || endMinute > 24 * 60
                    || startMinute >= endMinute) {
                throw DomainException.invalid("invalid_times", "Heures d'ouverture invalides (début avant fin).");
            }
            if (slotMinutes == null || slotMinutes < MIN_SLOT_MINUTES || slotMinutes > MAX_SLOT_MINUTES) {
                throw DomainException.invalid("invalid_slot_length", "Durée de créneau invalide (de 5 à 240 minutes).");
            }
            if (slotMinutes > endMinute - startMinute) {
                throw DomainException.invalid(
                        "invalid_slot_length", "La plage d'ouverture est plus courte qu'un créneau.");
            }
            int d = desks == null ? 1 : desks;
            if (d < 1 || d > MAX_DESKS) {
                throw DomainException.invalid("invalid_desks", "Nombre de guichets invalide (de 1 à 20).");
            }
            return new Rule(kind, dayOfWeek, day, startMinute, endMinute, slotMinutes, d);
        }

        boolean appliesTo(LocalDate date) {
            return kind == RuleKind.WEEKLY ? date.getDayOfWeek() == dayOfWeek : date.equals(day);
        }
    }

    /** A slot: from {@code start} to {@code end}, {@code desks} citizens at once. */
    public record Slot(Instant start, Instant end, int desks) {}

    private SlotCalendar() {}

    /** Checks a whole pattern (each rule, and how many). */
    public static List<Rule> checked(Collection<Rule> rules) {
        if (rules.size() > MAX_RULES) {
            throw DomainException.invalid("too_many_rules", "Trop de règles (200 au plus).");
        }
        return rules.stream().map(Rule::checked).toList();
    }

    /**
     * The slots of the days from {@code from} to {@code to} (both included, local days), in order of
     * start; where two openings give the same start, the one with more desks wins.
     */
    public static List<Slot> slots(List<Rule> rules, LocalDate from, LocalDate to, ZoneId zone) {
        TreeMap<Instant, Slot> slots = new TreeMap<>();
        Set<LocalDate> closed = rules.stream()
                .filter(r -> r.kind() == RuleKind.CLOSED)
                .map(Rule::day)
                .collect(Collectors.toSet());
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            for (Rule rule : rules) {
                if (rule.kind() == RuleKind.CLOSED
                        || !rule.appliesTo(date)
                        || (rule.kind() == RuleKind.WEEKLY && closed.contains(date))) {
                    continue;
                }
                int desks = rule.desks() == null ? 1 : rule.desks();
                for (int m = rule.startMinute(); m + rule.slotMinutes() <= rule.endMinute(); m += rule.slotMinutes()) {
                    Instant start = instant(date, m, zone);
                    if (start == null) {
                        continue;
                    }
                    Slot slot = new Slot(start, start.plus(Duration.ofMinutes(rule.slotMinutes())), desks);
                    slots.merge(start, slot, (a, b) -> a.desks() >= b.desks() ? a : b);
                }
            }
        }
        return List.copyOf(slots.values());
    }

    /** The slots as a map by start, for looking one up. */
    public static Map<Instant, Slot> byStart(List<Slot> slots) {
        Map<Instant, Slot> map = new TreeMap<>();
        slots.forEach(s -> map.put(s.start(), s));
        return map;
    }

    /** The instant of a local time, none in a gap; the earlier one in an overlap. */
    static Instant instant(LocalDate date, int minute, ZoneId zone) {
        LocalDateTime local = minute >= 24 * 60
                ? date.plusDays(1).atStartOfDay()
                : date.atTime(LocalTime.of(minute / 60, minute % 60));
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
            return null;
        }
        return local.toInstant(offsets.get(0));
    }

    /** "HH:mm" to minutes from midnight ("24:00" is the end of the day). */
    public static Integer minutes(String hhmm) {
        if (hhmm == null) {
            return null;
        }
        if (!hhmm.matches("\\d{2}:\\d{2}")) {
            throw DomainException.invalid("invalid_times", "Heure invalide (HH:MM attendu).");
        }
        int h = Integer.parseInt(hhmm.substring(0, 2));
        int m = Integer.parseInt(hhmm.substring(3));
        if (m > 59 || h > 24 || (h == 24 && m != 0)) {
            throw DomainException.invalid("invalid_times", "Heure invalide (HH:MM attendu).");
        }
        return h * 60 + m;
    }

    /** Minutes from midnight to "HH:mm". */
    public static String hhmm(Integer minutes) {
        return minutes == null ? null : String.format("%02d:%02d", minutes / 60, minutes % 60);
    }
}
