package fr.relais.qualification.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReceiptReferenceTest {

    @Test
    void aReferenceIsTenCrockfordSymbolsGroupedFourFourTwo() {
        for (int i = 0; i < 1_000; i++) {
            assertThat(ReceiptReference.generate())
                    .matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}");
        }
    }

    @Test
    void referencesAreSpreadOverTheWholeAlphabetAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        Set<Character> symbols = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String reference = ReceiptReference.generate();
            assertThat(seen.add(reference)).as("drawn twice: " + reference).isTrue();
            reference.chars().filter(c -> c != '-').forEach(c -> symbols.add((char) c));
        }
        assertThat(symbols).hasSize(32).doesNotContain('I', 'L', 'O', 'U');
    }

    @Test
    void theSameRandomSourceGivesTheSameReference() {
        assertThat(ReceiptReference.generate(new Random(7))).isEqualTo(ReceiptReference.generate(new Random(7)));
    }

    @Test
    void aReferenceInUseIsDrawnAgain() {
        var draws = java.util.List.of("AAAA-AAAA-AA", "BBBB-BBBB-BB", "CCCC-CCCC-CC")
                .iterator();
        Set<String> inUse = Set.of("AAAA-AAAA-AA", "BBBB-BBBB-BB");
        assertThat(ReceiptReference.unused(draws::next, inUse::contains)).isEqualTo("CCCC-CCCC-CC");
    }

    @Test
    void drawingStopsInsteadOfLoopingForever() {
        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(() -> ReceiptReference.unused(() -> "AAAA-AAAA-AA", r -> true));
    }

    @Test
    void typedInputIsNormalisedWhateverItsCaseSpacesAndDashes() {
        assertThat(ReceiptReference.normalise("k7m4-q9px-3t")).contains("K7M4-Q9PX-3T");
        assertThat(ReceiptReference.normalise(" K7M4 Q9PX 3T ")).contains("K7M4-Q9PX-3T");
        assertThat(ReceiptReference.normalise("K7M4Q9PX3T")).contains("K7M4-Q9PX-3T");
        assertThat(ReceiptReference.normalise("k7m4.q9px.3t")).contains("K7M4-Q9PX-3T");
    }

    @Test
    void lettersReadAsDigitsAreReadAsCrockfordSays() {
        assertThat(ReceiptReference.normalise("OIL0-0000-00")).contains("0110-0000-00");
    }

    @Test
    void anythingElseIsNotAReference() {
        assertThat(ReceiptReference.normalise(null)).isEmpty();
        assertThat(ReceiptReference.normalise("")).isEmpty();
        assertThat(ReceiptReference.normalise("K7M4-Q9PX-3")).as("too short").isEmpty();
        assertThat(ReceiptReference.normalise("K7M4-Q9PX-3TT")).as("too long").isEmpty();
        assertThat(ReceiptReference.normalise("K7M4-Q9PX-3U"))
                .as("U is not a symbol")
                .isEmpty();
        assertThat(ReceiptReference.normalise("K7M4-Q9PX-3%")).isEmpty();
        assertThat(ReceiptReference.normalise("1' OR '1'='1")).isEmpty();
        assertThat(ReceiptReference.normalise(" ".repeat(30) + "K7M4Q9PX3T" + " ".repeat(30)))
                .isEmpty();
    }
}
