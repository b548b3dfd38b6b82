package fr.relais.forwarding.control;

import fr.relais.directory.control.Commune;
import fr.relais.directory.entity.Unit;
import fr.relais.qualification.entity.UnitKind;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which unit is competent for a report, from the commune of the facts and the kind of unit the
 * qualification decided ({@code UnitKind.dmn}), in this order:
 *
 * <ol>
 *   <li>a category that calls for a specialised unit goes to the department's unit of that kind
 *       ({@link Rule#SPECIALISED_UNIT}); when the department has none, to its departmental level
 *       ({@link Rule#SPECIALISED_UNIT_MISSING});
 *   <li>otherwise the police station or gendarmerie brigade covering the commune ({@link
 *       Rule#COMMUNE_UNIT});
 *   <li>otherwise the department's departmental level ({@link Rule#DEPARTMENTAL_FALLBACK}).
 * </ol>
 *
 * <p>The departmental level is the police's or the gendarmerie's. Which force is competent for a
 * commune is set commune by commune by the State and is not in the directory: Paris and the three
 * departments around it are police territory throughout; elsewhere a commune of {@value
 * #POLICE_ZONE_POPULATION} inhabitants or more goes to the police, a smaller one to the gendarmerie
 * (the State police regime is for towns of that size; most smaller communes are gendarmerie
 * territory). When the department has only one of the two, it is that one. No unit at all (a
 * department missing from the directory) leaves the decision to the platform's supervisors.
 */
public final class CompetenceRule {
    /** Population from which the departmental fallback is the police's rather than the gendarmerie's. */
    public static final int POLICE_ZONE_POPULATION = 20_000;

    private static final String POLICE_ZONE_TEXT = "20 000";

    /** Departments where the police is competent everywhere (Paris and its inner ring). */
    static final Set<String> POLICE_DEPARTMENTS = Set.of("75", "92", "93", "94");

    /** Why a unit was chosen; stored with the forwarding. */
    public enum Rule {
        SPECIALISED_UNIT,
        SPECIALISED_UNIT_MISSING,
        COMMUNE_UNIT,
        DEPARTMENTAL_FALLBACK,
        /** A supervisor chose the unit (rerouting); not decided by this rule. */
        REROUTED
    }

    /** The units the rule reads: a view of the directory. */
    public interface Units {
        /** Units whose territory includes one of the communes (INSEE codes). */
        List<Unit> covering(Set<String> insee);

        /** The department's units of these kinds. */
        List<Unit> ofDepartment(String department, Set<Unit.Kind> kinds);
    }

    /** The unit chosen, the rule that chose it and a short explanation in French. */
    public record Decision(Unit unit, Rule rule, String reason) {}

    private static final Map<UnitKind, Unit.Kind> SPECIALISED = Map.of(
            UnitKind.DRUG_UNIT, Unit.Kind.DRUG_UNIT,
            UnitKind.FAMILY_PROTECTION_UNIT, Unit.Kind.FAMILY_PROTECTION_UNIT,
            UnitKind.CYBER_UNIT, Unit.Kind.CYBER_UNIT);

    private static final Map<Unit.Kind, String> SPECIALITY = Map.of(
            Unit.Kind.DRUG_UNIT, "stupéfiants",
            Unit.Kind.FAMILY_PROTECTION_UNIT, "protection de la famille",
            Unit.Kind.CYBER_UNIT, "cybercriminalité");

    private CompetenceRule() {}

    /**
     * The competent unit for facts in {@code commune}; {@code kind} null (a report decided before the
     * decision tables) counts as territorial. Empty when the directory has no unit for the place.
     */
    public static Optional<Decision> decide(Commune commune, UnitKind kind, Units units) {
        String place = commune.name() + " (" + commune.insee() + ")";
        Unit.Kind speciality = kind == null ? null : SPECIALISED.get(kind);
        if (speciality != null) {
            List<Unit> specialised = units.ofDepartment(commune.department(), EnumSet.of(speciality));
            if (!specialised.isEmpty()) {
                // several of a kind in a department: the one covering the commune, if any
                Unit unit = specialised.stream()
                        .filter(u -> covers(u, commune))
                        .findFirst()
                        .orElse(specialised.get(0));
                return Optional.of(new Decision(
                        unit,
                        Rule.SPECIALISED_UNIT,
                        "Faits relevant d'une unité spécialisée (" + SPECIALITY.get(speciality)
                                + ") : celle du département " + commune.department() + " pour " + place + "."));
            }
            return departmental(commune, units)
                    .map(d -> new Decision(
                            d.unit(),
                            Rule.SPECIALISED_UNIT_MISSING,
                            "Faits relevant d'une unité spécialisée (" + SPECIALITY.get(speciality)
                                    + "), que le répertoire n'a pas dans le département " + commune.department()
                                    + " : niveau départemental " + d.reason() + "."));
        }
        List<Unit> covering = units.covering(territory(commune)).stream()
                .filter(u -> u.kind().territorial())
                .sorted(Comparator.comparing((Unit u) -> !u.covers(commune.insee()))
                        .thenComparing(Unit::kind)
                        .thenComparing(Unit::code))
                .toList();
        if (!covering.isEmpty()) {
            Unit unit = covering.get(0);
            return Optional.of(new Decision(
                    unit,
                    Rule.COMMUNE_UNIT,
                    (unit.kind() == Unit.Kind.POLICE_STATION ? "Commissariat" : "Brigade de gendarmerie")
                            + " couvrant la commune de " + place + "."));
        }
        return departmental(commune, units)
                .map(d -> new Decision(
                        d.unit(),
                        Rule.DEPARTMENTAL_FALLBACK,
                        "Aucune unité du répertoire ne couvre la commune de " + place + " : niveau départemental "
                                + d.reason() + "."));
    }

    /** The departmental level for the commune, with the reason of the force chosen. */
    private static Optional<Decision> departmental(Commune commune, Units units) {
        List<Unit> levels = units.ofDepartment(
                commune.department(), EnumSet.of(Unit.Kind.DEPARTMENTAL_POLICE, Unit.Kind.DEPARTMENTAL_GENDARMERIE));
        if (levels.isEmpty()) {
            return Optional.empty();
        }
        String why;
        Unit.Kind force;
        if (POLICE_DEPARTMENTS.contains(commune.department())) {
            force = Unit.Kind.DEPARTMENTAL_POLICE;
            why = "de la police (département en zone de police)";
        } else if (commune.population() != null && commune.population() >= POLICE_ZONE_POPULATION) {
            force = Unit.Kind.DEPARTMENTAL_POLICE;
            why = "de la police (commune de " + POLICE_ZONE_TEXT + " habitants ou plus)";
        } else {
            force = Unit.Kind.DEPARTMENTAL_GENDARMERIE;
            why = "de la gendarmerie (commune de moins de " + POLICE_ZONE_TEXT + " habitants)";
        }
        Optional<Unit> preferred =
                levels.stream().filter(u -> u.kind() == force).findFirst();
        if (preferred.isPresent()) {
            return Optional.of(new Decision(preferred.get(), Rule.DEPARTMENTAL_FALLBACK, why));
        }
        Unit only = levels.get(0);
        return Optional.of(new Decision(
                only,
                Rule.DEPARTMENTAL_FALLBACK,
                only.kind() == Unit.Kind.DEPARTMENTAL_POLICE
                        ? "de la police (seul niveau départemental du répertoire)"
                        : "de la gendarmerie (seul niveau départemental du répertoire)"));
    }

    /** The codes whose units cover the place: its own, and its city's for a municipal district. */
    static Set<String> territory(Commune commune) {
        return commune.type() == Commune.Type.MUNICIPAL_DISTRICT && commune.parentInsee() != null
                ? Set.of(commune.insee(), commune.parentInsee())
                : Set.of(commune.insee());
    }

    private static boolean covers(Unit unit, Commune commune) {
        return territory(commune).stream().anyMatch(unit::covers);
    }
}
