package fr.relais.directory.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.directory.entity.Unit;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The reference units shipped with the application (no container). */
class UnitFileTest {
    static final List<UnitFile.Line> UNITS = UnitFile.load();
    static final CommuneIndex COMMUNES = CommuneIndex.load();

    @Test
    void everyCoveredDepartmentHasItsDepartmentalPoliceAndOutsideParisItsGendarmerie() {
        Set<String> covered =
                Set.of("01", "2A", "2B", "33", "75", "78", "92", "93", "94", "95", "971", "972", "973", "974", "976");
        Set<String> police = departments(Unit.Kind.DEPARTMENTAL_POLICE);
        Set<String> gendarmerie = departments(Unit.Kind.DEPARTMENTAL_GENDARMERIE);
        assertThat(police).containsAll(covered).hasSize(101).doesNotContain("975", "977");
        assertThat(gendarmerie)
                .hasSize(97)
                .doesNotContain("75", "92", "93", "94")
                .contains("78", "33", "974");
        // every department of a covered commune has its fallback
        assertThat(COMMUNES.byInsee("2B033").orElseThrow().department()).isIn(police);
    }

    @Test
    void aDepartmentalUnitHasAPlainNameAndNoInventedAddress() {
        var yvelines = UNITS.stream()
                .filter(u -> u.code().equals("POLICE-78"))
                .findFirst()
                .orElseThrow();
        assertThat(yvelines.name()).isEqualTo("Direction départementale de la police nationale — Yvelines");
        assertThat(yvelines.address()).isNull();
        assertThat(yvelines.phone()).isNull();
        assertThat(yvelines.source()).contains("@etalab/decoupage-administratif");
    }

    @Test
    void everyStationNamesItsSourceAndCoversRealCommunesOfItsDepartment() {
        var stations = UNITS.stream().filter(u -> u.kind().territorial()).toList();
        assertThat(stations).isNotEmpty();
        for (var s : stations) {
            assertThat(s.source()).as(s.code()).containsPattern("https?://");
            for (String insee : s.communes()) {
                assertThat(COMMUNES.byInsee(insee)).as(s.code() + " " + insee).isPresent();
                assertThat(COMMUNES.byInsee(insee).orElseThrow().department()).isEqualTo(s.department());
            }
        }
    }

    @Test
    void aMalformedLineFailsTheWholeFile() {
        assertThatThrownBy(() -> read("X1;POLICE_STATION;Commissariat;78;;;;;false;;Source"))
                .hasMessageContaining("covers at least one commune");
        assertThatThrownBy(() -> read("X1;MAIRIE;Mairie;78;;;;;false;;Source")).hasMessageContaining("unknown kind");
        assertThatThrownBy(() -> read("X1;DRUG_UNIT;Unité;978;;;;;false;;Source"))
                .hasMessageContaining("bad department");
        assertThatThrownBy(() -> read("X1;DRUG_UNIT;Unité;78;;;;;false;;")).hasMessageContaining("source");
        assertThatThrownBy(() -> read("X1;DRUG_UNIT;Unité;78;;;;;false;;S\nX1;DRUG_UNIT;Unité;78;;;;;false;;S"))
                .hasMessageContaining("duplicate code");
        assertThatThrownBy(() -> read("X1;DRUG_UNIT;Unité;78")).hasMessageContaining("11 fields");
    }

    private static List<UnitFile.Line> read(String text) throws Exception {
        return UnitFile.read(
                new ByteArrayInputStream((UnitFile.HEADER + "\n" + text).getBytes(StandardCharsets.UTF_8)));
    }

    private static Set<String> departments(Unit.Kind kind) {
        return UNITS.stream()
                .filter(u -> u.kind() == kind)
                .map(UnitFile.Line::department)
                .collect(Collectors.toSet());
    }
}
