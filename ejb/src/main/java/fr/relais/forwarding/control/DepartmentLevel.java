package fr.relais.forwarding.control;

import fr.relais.directory.entity.Unit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The departmental level a unit answers to, where a missed acknowledgement escalates: a police station's
 * is its department's departmental police ({@code POLICE-<dept>}), a gendarmerie brigade's its
 * departmental gendarmerie ({@code GENDARMERIE-<dept>}); a departmental unit is its own level; a
 * specialised unit answers to its department's departmental police, or gendarmerie when there is no
 * police level. When the force's level is missing from the directory, the other force's is taken.
 */
public final class DepartmentLevel {
    private DepartmentLevel() {}

    /** {@code levels}: the departmental units of {@code unit}'s department. */
    public static Optional<Unit> of(Unit unit, List<Unit> levels) {
        if (unit.kind().departmental()) {
            return Optional.of(unit);
        }
        Unit.Kind force = unit.kind() == Unit.Kind.GENDARMERIE_BRIGADE
                ? Unit.Kind.DEPARTMENTAL_GENDARMERIE
                : Unit.Kind.DEPARTMENTAL_POLICE;
        return levels.stream()
                .filter(u -> unit.department() != null && unit.department().equals(u.department()))
                .filter(u -> u.kind().departmental())
                .min(Comparator.comparing((Unit u) -> u.kind() != force).thenComparing(Unit::code));
    }
}
