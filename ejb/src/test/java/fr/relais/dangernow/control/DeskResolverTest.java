package fr.relais.dangernow.control;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.directory.entity.Unit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeskResolverTest {

    @Test
    void choosesAUnitCoveringThePlaceWithADeskStaffedAroundTheClock() {
        Unit brigade = unit("BTA-A", false);
        Unit station = unit("CSP-B", true);

        assertThat(DeskResolver.desk(List.of(brigade, station))).contains(station);
    }

    @Test
    void choosesTheSameDeskWhateverTheOrderTheDirectoryGives() {
        Unit first = unit("CSP-A", true);
        Unit second = unit("CSP-B", true);

        assertThat(DeskResolver.desk(List.of(second, first))).contains(first);
    }

    @Test
    void findsNoDeskWhenNoCoveringUnitIsStaffedAroundTheClock() {
        assertThat(DeskResolver.desk(List.of(unit("BTA-A", false)))).isEmpty();
        assertThat(DeskResolver.desk(List.of())).isEmpty();
    }

    private static Unit unit(String code, boolean desk24h) {
        Unit unit = new Unit(code, code, Unit.Kind.POLICE_STATION, "78", "Commune", Set.of("78646"));
        unit.setDesk24h(desk24h);
        return unit;
    }
}
