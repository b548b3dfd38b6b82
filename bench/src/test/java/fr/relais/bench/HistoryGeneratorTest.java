package fr.relais.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generated references are receipt references (XXXX-XXXX-XX, Crockford's base32), one per id. */
class HistoryGeneratorTest {
    @Test
    void referencesAreWellFormedAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (long id = 1; id <= 200_000; id++) {
            String reference = HistoryGenerator.reference(id);
            assertThat(reference).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}");
            assertThat(seen.add(reference)).as(reference).isTrue();
        }
    }

    @Test
    void unitsSpreadOverEightDepartments() {
        assertThat(HistoryGenerator.unitCodes()).hasSize(120).doesNotHaveDuplicates();
    }
}
