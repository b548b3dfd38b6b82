package fr.relais.forwarding.control;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.directory.entity.Unit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DepartmentLevelTest {
    private static final Unit POLICE_78 = unit("POLICE-78", Unit.Kind.DEPARTMENTAL_POLICE, "78");
    private static final Unit GENDARMERIE_78 = unit("GENDARMERIE-78", Unit.Kind.DEPARTMENTAL_GENDARMERIE, "78");
    private static final Unit POLICE_33 = unit("POLICE-33", Unit.Kind.DEPARTMENTAL_POLICE, "33");
    private static final List<Unit> LEVELS = List.of(GENDARMERIE_78, POLICE_33, POLICE_78);

    @Test
    void aStationAnswersToItsDepartmentsPoliceAndABrigadeToItsGendarmerie() {
        assertThat(DepartmentLevel.of(unit("CSP-GUYANCOURT", Unit.Kind.POLICE_STATION, "78"), LEVELS))
                .contains(POLICE_78);
        assertThat(DepartmentLevel.of(unit("BTA-CHEVREUSE", Unit.Kind.GENDARMERIE_BRIGADE, "78"), LEVELS))
                .contains(GENDARMERIE_78);
    }

    @Test
    void aDepartmentalUnitIsItsOwnLevelAndASpecialisedUnitAnswersToItsDepartmentsPolice() {
        assertThat(DepartmentLevel.of(GENDARMERIE_78, LEVELS)).contains(GENDARMERIE_78);
        assertThat(DepartmentLevel.of(unit("CYBER-78", Unit.Kind.CYBER_UNIT, "78"), LEVELS))
                .contains(POLICE_78);
    }

    @Test
    void theOtherForcesLevelWhenTheDirectoryLacksOneAndNoneOutsideTheDepartment() {
        assertThat(DepartmentLevel.of(unit("BTA-X", Unit.Kind.GENDARMERIE_BRIGADE, "78"), List.of(POLICE_78)))
                .contains(POLICE_78);
        assertThat(DepartmentLevel.of(unit("CSP-BORDEAUX", Unit.Kind.POLICE_STATION, "33"), List.of(POLICE_78)))
                .isEmpty();
    }

    private static Unit unit(String code, Unit.Kind kind, String department) {
        return new Unit(code, code, kind, department, null, Set.of());
    }
}
