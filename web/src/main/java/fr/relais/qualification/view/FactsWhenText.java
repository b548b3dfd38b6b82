package fr.relais.qualification.view;

import fr.relais.qualification.entity.FactsWhen;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.UnaryOperator;

/**
 * When the facts happened, in French, in the time the operator told it (the place's department's):
 * "20/11/2026 22:00", "le 20/11/2026", "du 01/11/2026 21:30 au 05/11/2026", or the unknown's label.
 */
public final class FactsWhenText {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private FactsWhenText() {}

    /** The text, with the bundle's words: {@code label.apply("when.text.unknown")} and so on. */
    public static String of(FactsWhen when, UnaryOperator<String> label) {
        if (when == null) {
            return "";
        }
        ZoneId zone = when.zone() == null ? ZoneId.of("Europe/Paris") : when.zone();
        return switch (when.kind()) {
            case UNKNOWN -> label.apply("when.text.unknown");
            case EXACT -> DATE_TIME.format(local(when.from(), zone));
            case DAY -> label.apply("when.text.on") + " " + DATE.format(local(when.from(), zone));
            case PERIOD -> label.apply("when.text.from") + " " + start(local(when.from(), zone)) + " "
                    + label.apply("when.text.to") + " " + end(local(when.until(), zone));
        };
    }

    private static LocalDateTime local(Instant instant, ZoneId zone) {
        return LocalDateTime.ofInstant(instant, zone);
    }

    private static String start(LocalDateTime from) {
        return from.toLocalTime().equals(LocalTime.MIDNIGHT) ? DATE.format(from) : DATE_TIME.format(from);
    }

    /** A period that ends at midnight ends with the day before. */
    private static String end(LocalDateTime until) {
        return until.toLocalTime().equals(LocalTime.MIDNIGHT)
                ? DATE.format(until.minusDays(1))
                : DATE_TIME.format(until);
    }
}
