package fr.relais.qualification.control;

import fr.relais.qualification.entity.Priority;
import fr.relais.qualification.entity.UnitKind;
import fr.relais.workflow.ProcessVariables.Validation;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * What the decision tables decided for one report, read from their outputs. A value the code does not
 * know fails loudly (the engine's job then retries and raises an incident): never a silent default.
 *
 * @param versions which table versions decided, e.g. {@code Priority:1 ServiceLevels:2 ...}
 */
public record Decisions(
        Priority priority,
        UnitKind unitKind,
        Validation validation,
        Duration timeToValidate,
        Duration timeToForward,
        Duration timeToAcknowledge,
        String versions) {

    /** Reads the tables' outputs ({@code priority}, {@code unitKind}, {@code validation}, the three durations). */
    public static Decisions of(Map<String, Object> outputs, String versions) {
        return new Decisions(
                Priority.valueOf(text(outputs, "priority")),
                UnitKind.valueOf(text(outputs, "unitKind")),
                Validation.valueOf(text(outputs, "validation")),
                duration(outputs, "timeToValidate"),
                duration(outputs, "timeToForward"),
                duration(outputs, "timeToAcknowledge"),
                versions);
    }

    private static String text(Map<String, Object> outputs, String name) {
        Object value = outputs.get(name);
        if (!(value instanceof String text)) {
            throw new IllegalStateException("decision output " + name + " missing or not a text: " + value);
        }
        return text;
    }

    private static Duration duration(Map<String, Object> outputs, String name) {
        String text = text(outputs, name);
        try {
            Duration duration = Duration.parse(text);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalStateException("decision output " + name + " is not a positive duration: " + text);
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("decision output " + name + " is not an ISO-8601 duration: " + text, e);
        }
    }
}
