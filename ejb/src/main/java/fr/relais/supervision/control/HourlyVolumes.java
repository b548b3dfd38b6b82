package fr.relais.supervision.control;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reports per hour over a period, every UTC hour listed (zeros too), each marked night or day in the
 * platform's time, Europe/Paris. <b>Night</b>: an hour starting at 20:00 or later, or before 08:00, on
 * the Paris clock; on the day clocks go back, the repeated hour 02:00 is listed twice (+02:00, then
 * +01:00), and on the day they go forward 02:00 does not exist.
 */
public final class HourlyVolumes {
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    public static final LocalTime NIGHT_FROM = LocalTime.of(20, 0);
    public static final LocalTime NIGHT_UNTIL = LocalTime.of(8, 0);
    public static final String NIGHT = "20:00-08:00 Europe/Paris";
    /** The category the trends show on its own. */
    public static final String DRUG_TRAFFICKING = "DRUG_TRAFFICKING";
    /**
     * In a cell, the categories other than drug trafficking summed together (no real category is named so):
     * their totals over the period are given apart, see {@link #of(Instant, Instant, List, Map)}.
     */
    public static final String OTHER_CATEGORIES = "*";
    /** A report not qualified yet. */
    public static final String UNQUALIFIED = "";

    /** One aggregate row: reports made in an hour, per platform, door and category. */
    public record Cell(Instant hour, String platform, String door, String category, long reports) {}

    public record Hour(
            Instant hour,
            String local,
            boolean night,
            long reports,
            long drugTrafficking,
            long otherCategories,
            long unqualified,
            Map<String, Long> byPlatform,
            Map<String, Long> byDoor)
            implements Serializable {}

    public record Volumes(List<Hour> hours, long reports, long nightReports, Map<String, Long> byCategory) {}

    private HourlyVolumes() {}

    public static boolean night(Instant hour) {
        LocalTime local = hour.atZone(ZONE).toLocalTime();
        return !local.isBefore(NIGHT_FROM) || local.isBefore(NIGHT_UNTIL);
    }

    /** The cells grouped per hour of [from, to), both on whole hours. */
    public static Volumes of(Instant from, Instant to, List<Cell> cells) {
        return of(from, to, cells, Map.of());
    }

    /**
     * The cells grouped per hour of [from, to), both on whole hours; cells of {@link #OTHER_CATEGORIES} count in
     * their hour but not per category: {@code otherCategories} gives those categories' totals over the period.
     */
    public static Volumes of(Instant from, Instant to, List<Cell> cells, Map<String, Long> otherCategories) {
        Map<Instant, List<Cell>> byHour = new TreeMap<>();
        for (Cell c : cells) {
            byHour.computeIfAbsent(c.hour(), h -> new ArrayList<>()).add(c);
        }
        List<Hour> hours = new ArrayList<>();
        long total = 0, atNight = 0;
        Map<String, Long> byCategory = new TreeMap<>();
        for (Instant h = from.truncatedTo(ChronoUnit.HOURS); h.isBefore(to); h = h.plus(Duration.ofHours(1))) {
            long reports = 0, drugs = 0, unqualified = 0;
            Map<String, Long> byPlatform = new TreeMap<>();
            Map<String, Long> byDoor = new TreeMap<>();
            for (Cell c : byHour.getOrDefault(h, List.of())) {
                reports += c.reports();
                if (DRUG_TRAFFICKING.equals(c.category())) {
                    drugs += c.reports();
                } else if (c.category() == null || c.category().isEmpty()) {
                    unqualified += c.reports();
                }
                byPlatform.merge(c.platform(), c.reports(), Long::sum);
                byDoor.merge(c.door(), c.reports(), Long::sum);
                if (!OTHER_CATEGORIES.equals(c.category())) {
                    byCategory.merge(
                            c.category() == null || c.category().isEmpty() ? "UNQUALIFIED" : c.category(),
                            c.reports(),
                            Long::sum);
                }
            }
            boolean night = night(h);
            total += reports;
            if (night) {
                atNight += reports;
            }
            hours.add(new Hour(
                    h,
                    ZonedDateTime.ofInstant(h, ZONE).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                    night,
                    reports,
                    drugs,
                    reports - drugs - unqualified,
                    unqualified,
                    new LinkedHashMap<>(byPlatform),
                    new LinkedHashMap<>(byDoor)));
        }
        otherCategories.forEach((category, reports) -> byCategory.merge(category, reports, Long::sum));
        return new Volumes(hours, total, atNight, byCategory);
    }
}
