package fr.relais.appointment.boundary;

import java.util.List;

/**
 * A unit's appointment pattern as the API and the screen carry it: weekly openings and exceptions, in
 * the unit's local time ({@code timeZone}, Europe/Paris), times as {@code HH:mm}, dates as {@code yyyy-MM-dd}.
 */
public record AppointmentPattern(
        String unit, String timeZone, List<WeeklyOpening> weekly, List<PatternException> exceptions) {

    /** Open every {@code day} (MONDAY … SUNDAY) from {@code from} to {@code to}, in slots of {@code slotMinutes}. */
    public record WeeklyOpening(String day, String from, String to, Integer slotMinutes, Integer desks) {}

    /** On {@code date}: closed (no weekly opening), or else open in addition from {@code from} to {@code to}. */
    public record PatternException(
            String date, boolean closed, String from, String to, Integer slotMinutes, Integer desks) {}
}
