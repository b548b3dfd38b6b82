package fr.relais.audit.boundary;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** The auditors' search criteria; any may be null. Dates are UTC days, {@code to} included. */
public record ReportCriteria(
        String reference,
        LocalDate from,
        LocalDate to,
        String platform,
        String category,
        String unitCode,
        String status,
        String operator)
        implements Serializable {

    public static ReportCriteria none() {
        return new ReportCriteria(null, null, null, null, null, null, null, null);
    }

    /** The criteria given, for the search's audit event (none of them is personal data). */
    public Map<String, Object> given() {
        Map<String, Object> given = new LinkedHashMap<>();
        put(given, "reference", reference);
        put(given, "from", from);
        put(given, "to", to);
        put(given, "platform", platform);
        put(given, "category", category);
        put(given, "unit", unitCode);
        put(given, "status", status);
        put(given, "operator", operator);
        return given;
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            map.put(key, value.toString());
        }
    }
}
