package fr.relais.directory.control;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The time zone in which the facts of a place are told: that of the place's department. Metropolitan
 * France (Corsica included) lives on Paris time; each overseas department has its own. The overseas
 * collectivities (975, 977, 978 and the 98x codes) are not covered by the platform: no zone.
 */
public final class DepartmentTimeZone {
    public static final ZoneId METROPOLITAN = ZoneId.of("Europe/Paris");

    private static final Map<String, ZoneId> OVERSEAS = Map.of(
            "971", ZoneId.of("America/Guadeloupe"),
            "972", ZoneId.of("America/Martinique"),
            "973", ZoneId.of("America/Cayenne"),
            "974", ZoneId.of("Indian/Reunion"),
            "976", ZoneId.of("Indian/Mayotte"));

    /** 01–95 and Corsica's 2A and 2B (20 no longer exists). */
    private static final Pattern METROPOLITAN_DEPARTMENT = Pattern.compile("0[1-9]|1\\d|2[1-9AB]|[3-8]\\d|9[0-5]");

    private DepartmentTimeZone() {}

    /** The zone of a department code ({@code 75}, {@code 2A}, {@code 974}); empty when not covered. */
    public static Optional<ZoneId> of(String department) {
        if (department == null) {
            return Optional.empty();
        }
        String code = department.strip().toUpperCase();
        if (METROPOLITAN_DEPARTMENT.matcher(code).matches()) {
            return Optional.of(METROPOLITAN);
        }
        return Optional.ofNullable(OVERSEAS.get(code));
    }
}
