package fr.relais.qualification.control;

import fr.relais.qualification.entity.Report;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a qualification changed on a report, for the audit trail: for non-personal fields (category,
 * place, urgency, ...) their value before and after; for personal ones (the narrative, the reporter's
 * identity and contact) only their name, their content staying out of the trail (the privacy issue will
 * add them encrypted under the report's data key).
 */
public final class QualificationChanges {
    private final Map<String, Object> open;
    /** Personal values, compared in memory and never put in an event. */
    private final Map<String, String> personal;

    private QualificationChanges(Map<String, Object> open, Map<String, String> personal) {
        this.open = open;
        this.personal = personal;
    }

    public static QualificationChanges of(Report r) {
        Map<String, Object> open = new TreeMap<>();
        open.put("category", r.category() == null ? null : r.category().name());
        open.put("postalCode", r.postalCode());
        open.put("commune", r.commune());
        open.put("communeInsee", r.communeInsee());
        open.put(
                "factsWhen", r.factsWhen() == null ? null : r.factsWhen().kind().name());
        open.put("urgency", r.urgency() == null ? null : r.urgency().name());
        open.put("dangerNow", r.dangerNow());
        open.put("victimMinor", r.victimMinor());
        open.put("anonymous", r.anonymous());
        open.put("contactConsent", r.contactConsent());
        Map<String, String> personal = new TreeMap<>();
        var reporter = r.reporter();
        personal.put("narrative", r.narrative());
        personal.put("reporterFirstName", reporter == null ? null : reporter.firstName());
        personal.put("reporterLastName", reporter == null ? null : reporter.lastName());
        personal.put("reporterPhone", reporter == null ? null : reporter.phone());
        personal.put("reporterEmail", reporter == null ? null : reporter.email());
        return new QualificationChanges(open, personal);
    }

    /**
     * The event's fields from this snapshot (before) to {@code after}: {@code changed} maps each changed
     * non-personal field to {@code {before, after}}; {@code personalChanged} lists the personal fields
     * that changed, by name.
     */
    public Map<String, Object> to(QualificationChanges after) {
        Map<String, Object> changed = new TreeMap<>();
        open.forEach((k, v) -> {
            Object now = after.open.get(k);
            if (!Objects.equals(v, now)) {
                Map<String, Object> pair = new LinkedHashMap<>();
                pair.put("before", v);
                pair.put("after", now);
                changed.put(k, pair);
            }
        });
        var personalChanged = personal.keySet().stream()
                .filter(k -> !Objects.equals(personal.get(k), after.personal.get(k)))
                .toList();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("changed", changed);
        fields.put("personalChanged", personalChanged);
        return fields;
    }

    /**
     * The personal fields that changed from this snapshot to {@code after}, each to {@code {before,
     * after}}: for the event's sealed part, never in clear.
     */
    public Map<String, Object> personalTo(QualificationChanges after) {
        Map<String, Object> changed = new TreeMap<>();
        personal.forEach((k, v) -> {
            Object now = after.personal.get(k);
            if (!Objects.equals(v, now)) {
                Map<String, Object> pair = new LinkedHashMap<>();
                pair.put("before", v);
                pair.put("after", now);
                changed.put(k, pair);
            }
        });
        return changed;
    }
}
