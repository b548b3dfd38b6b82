package fr.relais.directory.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

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

    @Test
    void anImportedFileListsEveryBadLineWithItsReasonAndKeepsNoLine() {
        String file = String.join(
                "\n",
                UnitFile.HEADER,
                "CSP-OK;POLICE_STATION;Commissariat;78;Guyancourt;;01 30 48 33 00;;false;78297;Source",
                "CSP-KIND;MAIRIE;Mairie;78;;;;;false;78297;Source",
                "CSP-NONAME;POLICE_STATION;;78;;;;;false;78297;Source",
                "CSP-DEPT;DRUG_UNIT;Unité;99;;;;;false;;Source",
                "CSP-INSEE;POLICE_STATION;Commissariat;78;;;;;false;78999 33063;Source",
                "CSP-OK;POLICE_STATION;Commissariat bis;78;;;;;false;78297;Source",
                "CSP-PHONE;POLICE_STATION;Commissariat;78;;;12 34;;false;78297;Source",
                "CSP-DESK;POLICE_STATION;Commissariat;78;;;;;oui;78297;Source",
                "# a comment",
                "",
                "CSP-SHORT;POLICE_STATION;Commissariat;78",
                "bad code;CYBER_UNIT;Unité;78;;;;;false;;Source");
        var checked = UnitFile.check(bytes(file), COMMUNES_DEPARTMENT);

        assertThat(checked.valid()).isFalse();
        assertThat(checked.lines()).as("nothing of a bad file is usable").isEmpty();
        assertThat(checked.problems())
                .extracting(UnitFile.Problem::line, UnitFile.Problem::reason, UnitFile.Problem::value)
                .containsExactly(
                        tuple(3, UnitFile.Reason.UNKNOWN_KIND, "MAIRIE"),
                        tuple(4, UnitFile.Reason.NAME, null),
                        tuple(5, UnitFile.Reason.BAD_DEPARTMENT, "99"),
                        tuple(6, UnitFile.Reason.UNKNOWN_COMMUNE, "78999"),
                        tuple(6, UnitFile.Reason.COMMUNE_OUTSIDE_DEPARTMENT, "33063"),
                        tuple(7, UnitFile.Reason.DUPLICATE_CODE, "CSP-OK"),
                        tuple(8, UnitFile.Reason.BAD_PHONE, "12 34"),
                        tuple(9, UnitFile.Reason.BAD_DESK_24H, "oui"),
                        tuple(12, UnitFile.Reason.FIELD_COUNT, "4"),
                        tuple(13, UnitFile.Reason.BAD_CODE, "bad code"));
        assertThat(checked.rejectedLines()).isEqualTo(9);
    }

    @Test
    void aGoodFileWithABomAndWindowsLineEndsGivesItsUnits() {
        String file = "\uFEFF" + UnitFile.HEADER + "\r\n"
                + "CSP-OK;POLICE_STATION; Commissariat ;78;Guyancourt;1 rue X, 78280 Guyancourt;01 30 48 33 00;"
                + "9h-18h;true;78297 78423;https://example.org\r\n"
                + "CYBER-OK;CYBER_UNIT;Unité cyber;974;;;0262 12 34 56;;false;;Source\r\n";
        var checked = UnitFile.check(bytes(file), COMMUNES_DEPARTMENT);
        assertThat(checked.problems()).isEmpty();
        assertThat(checked.lines()).hasSize(2);
        var csp = checked.lines().get(0);
        assertThat(csp.name()).isEqualTo("Commissariat");
        assertThat(csp.communes()).containsExactly("78297", "78423");
        assertThat(csp.desk24h()).isTrue();
        assertThat(csp.number()).isEqualTo(2);
        assertThat(checked.lines().get(1).phone()).isEqualTo("0262 12 34 56");
    }

    @Test
    void aFileWithoutItsHeaderOrUnitsOrInAnotherEncodingIsRefused() {
        assertThat(UnitFile.check(bytes("CSP-OK;CYBER_UNIT;Unité;78;;;;;false;;S"), COMMUNES_DEPARTMENT)
                        .problems())
                .extracting(UnitFile.Problem::reason)
                .containsExactly(UnitFile.Reason.HEADER);
        assertThat(UnitFile.check(bytes(UnitFile.HEADER + "\n# nothing\n"), COMMUNES_DEPARTMENT)
                        .problems())
                .extracting(UnitFile.Problem::reason)
                .containsExactly(UnitFile.Reason.EMPTY);
        byte[] latin1 = (UnitFile.HEADER + "\nCSP-OK;CYBER_UNIT;Unité;78;;;;;false;;S")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(UnitFile.check(latin1, COMMUNES_DEPARTMENT).problems())
                .extracting(UnitFile.Problem::line, UnitFile.Problem::reason)
                .containsExactly(tuple(0, UnitFile.Reason.ENCODING));
    }

    @Test
    void theExportOfTheReferenceUnitsReadsBackAsTheSameUnits() {
        var units = UNITS.stream().map(UnitFile.Line::toUnit).toList();
        var again = UnitFile.check(bytes(UnitFile.write(units)), COMMUNES_DEPARTMENT);
        assertThat(again.problems()).isEmpty();
        assertThat(again.lines()).hasSameSizeAs(units);
        for (var line : again.lines()) {
            var unit = units.stream()
                    .filter(u -> u.code().equals(line.code()))
                    .findFirst()
                    .orElseThrow();
            assertThat(UnitChange.of(line, unit)).as(line.code()).isNull();
        }
    }

    @Test
    void aChangeSaysWhichFieldsAndCommunesChanged() {
        var unit = UNITS.stream()
                .filter(u -> u.code().equals("CSP-SQY"))
                .findFirst()
                .orElseThrow()
                .toUnit();
        var line = UnitFile.check(
                        bytes(UnitFile.HEADER + "\nCSP-SQY;POLICE_STATION;Hôtel de police;78;Élancourt;"
                                + unit.address() + ";01 30 48 33 00;;false;78297;" + unit.source()),
                        COMMUNES_DEPARTMENT)
                .lines()
                .get(0);
        var change = UnitChange.of(line, unit);
        assertThat(change.action()).isEqualTo(UnitChange.UPDATED);
        assertThat(change.fields())
                .containsExactly(
                        new UnitChange.FieldChange("name", unit.name(), "Hôtel de police"),
                        new UnitChange.FieldChange("phone", null, "01 30 48 33 00"));
        assertThat(change.communesAdded()).containsExactly("78297");
        assertThat(change.communesRemoved()).containsExactly("78208");
        assertThat(UnitChange.of(line, null).action()).isEqualTo(UnitChange.ADDED);
    }

    private static final java.util.function.Function<String, java.util.Optional<String>> COMMUNES_DEPARTMENT =
            insee -> COMMUNES.byInsee(insee).map(Commune::department);

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
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
