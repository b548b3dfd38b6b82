package fr.relais.forwarding.control;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.directory.control.Commune;
import fr.relais.directory.control.CommuneIndex;
import fr.relais.directory.control.UnitFile;
import fr.relais.directory.entity.Unit;
import fr.relais.forwarding.control.CompetenceRule.Decision;
import fr.relais.forwarding.control.CompetenceRule.Rule;
import fr.relais.qualification.entity.UnitKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rule of competence on real communes and the shipped reference units, plus a few units of the
 * test's own (a station, a brigade, a specialised unit), with no container.
 */
class CompetenceRuleTest {
    static CommuneIndex communes;
    static List<Unit> reference;

    @BeforeAll
    static void load() {
        communes = CommuneIndex.load();
        reference = UnitFile.load().stream().map(UnitFile.Line::toUnit).toList();
    }

    /** The shipped units and a station, a brigade and a drug unit in the Yvelines, as in the demo. */
    static final List<Unit> YVELINES = List.of(
            new Unit(
                    "CSP-GUYANCOURT",
                    "Commissariat de Guyancourt",
                    Unit.Kind.POLICE_STATION,
                    "78",
                    "Guyancourt",
                    Set.of("78297", "78423")),
            new Unit(
                    "BTA-CHEVREUSE",
                    "Brigade de Chevreuse",
                    Unit.Kind.GENDARMERIE_BRIGADE,
                    "78",
                    "Chevreuse",
                    Set.of("78160")),
            new Unit("STUP-78", "Unité des stupéfiants des Yvelines", Unit.Kind.DRUG_UNIT, "78", null, Set.of()));

    @Test
    void aCommuneGoesToTheStationCoveringIt() {
        Decision d = decide("78297", UnitKind.TERRITORIAL, YVELINES);
        assertThat(d.unit().code()).isEqualTo("CSP-GUYANCOURT");
        assertThat(d.rule()).isEqualTo(Rule.COMMUNE_UNIT);
        assertThat(d.reason()).isEqualTo("Commissariat couvrant la commune de Guyancourt (78297).");
    }

    @Test
    void aRuralCommuneGoesToTheBrigadeCoveringIt() {
        Decision d = decide("78160", UnitKind.TERRITORIAL, YVELINES);
        assertThat(d.unit().code()).isEqualTo("BTA-CHEVREUSE");
        assertThat(d.reason()).startsWith("Brigade de gendarmerie couvrant la commune de Chevreuse");
    }

    @Test
    void aSmallCommuneNoUnitCoversFallsToTheDepartmentalGendarmerie() {
        Decision d = decide("78561", UnitKind.TERRITORIAL, YVELINES); // Saint-Lambert, 447 inhabitants
        assertThat(d.unit().code()).isEqualTo("GENDARMERIE-78");
        assertThat(d.rule()).isEqualTo(Rule.DEPARTMENTAL_FALLBACK);
        assertThat(d.reason()).contains("Saint-Lambert (78561)", "gendarmerie", "moins de 20 000 habitants");
    }

    @Test
    void aTownNoUnitCoversFallsToTheDepartmentalPolice() {
        Decision d = decide("69123", UnitKind.TERRITORIAL, List.of()); // Lyon: no station shipped in the Rhône
        assertThat(d.unit().code()).isEqualTo("POLICE-69");
        assertThat(d.unit().name()).isEqualTo("Direction départementale de la police nationale — Rhône");
        assertThat(d.rule()).isEqualTo(Rule.DEPARTMENTAL_FALLBACK);
    }

    @Test
    void parisAndItsInnerRingFallToThePoliceWhateverTheSize() {
        assertThat(decide("75115", UnitKind.TERRITORIAL, List.of()).unit().code())
                .isEqualTo("POLICE-75");
        Decision small = decide("94048", UnitKind.TERRITORIAL, List.of()); // Marolles-en-Brie, 4,781 inhabitants
        assertThat(small.unit().code()).isEqualTo("POLICE-94");
        assertThat(small.reason()).contains("zone de police");
    }

    @Test
    void anOverseasCommuneFallsToItsDepartmentsLevel() {
        assertThat(decide("97411", UnitKind.TERRITORIAL, List.of()).unit().code())
                .isEqualTo("POLICE-974"); // Saint-Denis de La Réunion
        assertThat(decide("97610", UnitKind.TERRITORIAL, List.of()).unit().department())
                .isEqualTo("976");
    }

    @Test
    void aCategoryCallingForASpecialisedUnitGoesToTheDepartmentsUnitOfThatKind() {
        Decision d = decide("78297", UnitKind.DRUG_UNIT, YVELINES);
        assertThat(d.unit().code()).isEqualTo("STUP-78");
        assertThat(d.rule()).isEqualTo(Rule.SPECIALISED_UNIT);
        assertThat(d.reason()).contains("stupéfiants");
    }

    @Test
    void withoutAUnitOfThatKindInTheDepartmentTheDepartmentalLevelHasIt() {
        Decision d = decide("78297", UnitKind.FAMILY_PROTECTION_UNIT, YVELINES);
        assertThat(d.unit().code())
                .as("not the station covering the commune: the departmental level")
                .isEqualTo("POLICE-78");
        assertThat(d.rule()).isEqualTo(Rule.SPECIALISED_UNIT_MISSING);
        assertThat(d.reason()).contains("protection de la famille", "département 78");
    }

    @Test
    void aSpecialisedUnitOfAnotherDepartmentIsNotCompetent() {
        Decision d = decide("33063", UnitKind.DRUG_UNIT, YVELINES); // Bordeaux
        assertThat(d.unit().code()).isEqualTo("POLICE-33");
        assertThat(d.rule()).isEqualTo(Rule.SPECIALISED_UNIT_MISSING);
    }

    @Test
    void aReportDecidedBeforeTheTablesIsTerritorial() {
        assertThat(decide("78297", null, YVELINES).unit().code()).isEqualTo("CSP-GUYANCOURT");
    }

    @Test
    void theCodesOrderDoesNotDecide() {
        // a brigade whose code sorts first also covering the commune: the unit covering the commune
        // itself wins over the one covering only the city of a district, then police before brigade
        var units = new ArrayList<>(YVELINES);
        units.add(new Unit("AAA-BRIGADE", "Brigade", Unit.Kind.GENDARMERIE_BRIGADE, "78", "X", Set.of("78297")));
        assertThat(decide("78297", UnitKind.TERRITORIAL, units).unit().code()).isEqualTo("CSP-GUYANCOURT");
        var paris = List.of(
                new Unit("A-PARIS", "Paris entier", Unit.Kind.POLICE_STATION, "75", "Paris", Set.of("75056")),
                new Unit("Z-PARIS15", "Paris 15e", Unit.Kind.POLICE_STATION, "75", "Paris", Set.of("75115")));
        assertThat(decide("75115", UnitKind.TERRITORIAL, paris).unit().code()).isEqualTo("Z-PARIS15");
        assertThat(decide("75114", UnitKind.TERRITORIAL, paris).unit().code())
                .as("a district no station covers: the one covering the city")
                .isEqualTo("A-PARIS");
    }

    @Test
    void aDepartmentWithOnlyOneLevelFallsToIt() {
        var onlyPolice =
                List.of(new Unit("POLICE-78", "Police 78", Unit.Kind.DEPARTMENTAL_POLICE, "78", null, Set.of()));
        Decision d = CompetenceRule.decide(
                        communes.byInsee("78561").orElseThrow(), UnitKind.TERRITORIAL, units(onlyPolice))
                .orElseThrow();
        assertThat(d.unit().code()).isEqualTo("POLICE-78");
        assertThat(d.reason()).contains("seul niveau départemental");
    }

    @Test
    void noUnitForTheDepartmentLeavesItToTheSupervisors() {
        assertThat(CompetenceRule.decide(
                        communes.byInsee("78561").orElseThrow(), UnitKind.TERRITORIAL, units(List.of())))
                .isEmpty();
        assertThat(CompetenceRule.decide(
                        communes.byInsee("78297").orElseThrow(), UnitKind.CYBER_UNIT, units(List.of())))
                .isEmpty();
    }

    private static Decision decide(String insee, UnitKind kind, List<Unit> extra) {
        Commune commune = communes.byInsee(insee).orElseThrow();
        List<Unit> all = Stream.concat(reference.stream(), extra.stream()).toList();
        return CompetenceRule.decide(commune, kind, units(all)).orElseThrow();
    }

    private static CompetenceRule.Units units(List<Unit> all) {
        return new CompetenceRule.Units() {
            @Override
            public List<Unit> covering(Set<String> insee) {
                return all.stream()
                        .filter(u -> insee.stream().anyMatch(u::covers))
                        .toList();
            }

            @Override
            public List<Unit> ofDepartment(String department, Set<Unit.Kind> kinds) {
                return all.stream()
                        .filter(u -> department.equals(u.department()) && kinds.contains(u.kind()))
                        .toList();
            }
        };
    }
}
