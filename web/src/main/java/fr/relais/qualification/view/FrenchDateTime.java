package fr.relais.qualification.view;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as an operator types it in French: {@code 14/03/2026 21:30}, or the date alone when the
 * time is unknown. Forgiving where people differ: one or two digits for the day, the month and the
 * hour, {@code .} or {@code -} for {@code /}, {@code 21h30} or {@code 21h}, "à" before the time, a
 * two-digit year (20xx).
 */
public final class FrenchDateTime {
    private static final Pattern TYPED = Pattern.compile(
            "(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4}|\\d{2})"
                    + "(?:\\s*(?:,|à|a)?\\s*(\\d{1,2})\\s*[:hH]\\s*(\\d{2})?)?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private FrenchDateTime() {}

    /**
     * A {@link LocalDateTime}, a {@link LocalDate} (no time typed), or empty when the text is not a
     * date of the calendar. Blank text is no date: null.
     */
    public static Optional<Temporal> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Matcher m = TYPED.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            int year = Integer.parseInt(m.group(3));
            LocalDate date = LocalDate.of(
                    m.group(3).length() == 2 ? 2000 + year : year,
                    Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(1)));
            if (m.group(4) == null) {
                return Optional.of(date);
            }
            LocalTime time =
                    LocalTime.of(Integer.parseInt(m.group(4)), m.group(5) == null ? 0 : Integer.parseInt(m.group(5)));
            return Optional.of(date.atTime(time));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
