package fr.relais.directory.control;

import fr.relais.directory.entity.Unit;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an imported line changes in the directory: a unit added, or the fields of an existing unit
 * (before and after) and the communes it gains and loses.
 *
 * @param action {@code ADDED} or {@code UPDATED}
 */
public record UnitChange(
        String code,
        String name,
        String action,
        List<FieldChange> fields,
        List<String> communesAdded,
        List<String> communesRemoved)
        implements Serializable {
    public static final String ADDED = "ADDED";
    public static final String UPDATED = "UPDATED";

    /** One field's value before and after (null: empty). */
    public record FieldChange(String field, String before, String after) implements Serializable {}

    /** The change the line makes to the unit (null when new); null when it changes nothing. */
    public static UnitChange of(UnitFile.Line line, Unit unit) {
        List<FieldChange> fields = new ArrayList<>();
        field(fields, "name", unit == null ? null : unit.name(), line.name());
        field(
                fields,
                "kind",
                unit == null ? null : unit.kind().name(),
                line.kind().name());
        field(fields, "department", unit == null ? null : unit.department(), line.department());
        field(fields, "commune", unit == null ? null : unit.commune(), line.commune());
        field(fields, "address", unit == null ? null : unit.address(), line.address());
        field(fields, "phone", unit == null ? null : unit.phone(), line.phone());
        field(fields, "opening_hours", unit == null ? null : unit.openingHours(), line.openingHours());
        field(
                fields,
                "desk_24h",
                unit == null ? null : Boolean.toString(unit.desk24h()),
                Boolean.toString(line.desk24h()));
        field(fields, "source", unit == null ? null : unit.source(), line.source());
        Set<String> before = unit == null ? Set.of() : unit.communes();
        TreeSet<String> added = new TreeSet<>(line.communes());
        added.removeAll(before);
        TreeSet<String> removed = new TreeSet<>(before);
        removed.removeAll(line.communes());
        if (unit != null && fields.isEmpty() && added.isEmpty() && removed.isEmpty()) {
            return null;
        }
        return new UnitChange(
                line.code(),
                line.name(),
                unit == null ? ADDED : UPDATED,
                List.copyOf(fields),
                List.copyOf(added),
                List.copyOf(removed));
    }

    private static void field(List<FieldChange> fields, String name, String before, String after) {
        if (!Objects.equals(before, after)) {
            fields.add(new FieldChange(name, before, after));
        }
    }
}
