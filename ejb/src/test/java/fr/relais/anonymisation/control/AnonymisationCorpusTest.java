package fr.relais.anonymisation.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall per type on the hand-written corpus (see CORPUS.md for the matching rule: same type, same
 * exact span). Prints the table that RESULTS.md reproduces.
 */
class AnonymisationCorpusTest {

    private static final Set<EntityType> STRUCTURED = Set.of(
            EntityType.PHONE,
            EntityType.EMAIL,
            EntityType.NIR,
            EntityType.IBAN,
            EntityType.PAYMENT_CARD,
            EntityType.LICENCE_PLATE,
            EntityType.IP_ADDRESS);

    private static final Map<EntityType, int[]> COUNTS = new EnumMap<>(EntityType.class);
    private static final List<String> MISSES = new ArrayList<>();
    private static final int TP = 0;
    private static final int FP = 1;
    private static final int FN = 2;

    @BeforeAll
    static void evaluate() {
        Anonymiser anonymiser = new Anonymiser("corpus-test-secret".getBytes());
        Corpus corpus = Corpus.load();
        for (EntityType type : EntityType.values()) {
            COUNTS.put(type, new int[3]);
        }
        for (Corpus.Narrative narrative : corpus.narratives()) {
            Set<Corpus.Expected> expected = new HashSet<>(narrative.expected());
            for (DetectedEntity e : anonymiser.detect(narrative.text(), narrative.reporter())) {
                Corpus.Expected asExpected = new Corpus.Expected(e.type(), e.start(), e.end());
                if (expected.remove(asExpected)) {
                    COUNTS.get(e.type())[TP]++;
                } else {
                    COUNTS.get(e.type())[FP]++;
                    MISSES.add(narrative.id() + " false positive " + e.type() + " '" + e.value() + "'");
                }
            }
            for (Corpus.Expected missed : expected) {
                COUNTS.get(missed.type())[FN]++;
                MISSES.add(narrative.id() + " missed " + missed.type() + " '"
                        + narrative.text().substring(missed.start(), missed.end()) + "'");
            }
        }
        System.out.println(table());
        MISSES.forEach(System.out::println);
    }

    @Test
    void corpusIsLargeEnoughAndCoversEveryType() {
        assertThat(Corpus.load().narratives()).hasSizeGreaterThanOrEqualTo(60);
        for (EntityType type : EntityType.values()) {
            int[] c = COUNTS.get(type);
            assertThat(c[TP] + c[FN])
                    .as("expected %s entities in the corpus", type)
                    .isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void structuredTypesAreFoundAtLeast99PercentOfTheTime() {
        for (EntityType type : STRUCTURED) {
            assertThat(recall(COUNTS.get(type))).as("recall of %s", type).isGreaterThanOrEqualTo(0.99);
        }
    }

    @Test
    void namesAndAddressesAreFoundAtLeast90PercentOfTheTime() {
        assertThat(recall(COUNTS.get(EntityType.PERSON_NAME)))
                .as("recall of names")
                .isGreaterThanOrEqualTo(0.90);
        assertThat(recall(COUNTS.get(EntityType.POSTAL_ADDRESS)))
                .as("recall of addresses")
                .isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void overallPrecisionIsAtLeast90Percent() {
        assertThat(precision(total())).as("overall precision").isGreaterThanOrEqualTo(0.90);
    }

    private static int[] total() {
        int[] total = new int[3];
        for (int[] c : COUNTS.values()) {
            for (int k = 0; k < 3; k++) {
                total[k] += c[k];
            }
        }
        return total;
    }

    static double precision(int[] c) {
        return c[TP] + c[FP] == 0 ? 1.0 : (double) c[TP] / (c[TP] + c[FP]);
    }

    static double recall(int[] c) {
        return c[TP] + c[FN] == 0 ? 1.0 : (double) c[TP] / (c[TP] + c[FN]);
    }

    private static String table() {
        StringBuilder sb = new StringBuilder();
        sb.append("| type | expected | found | correct | precision | recall |\n");
        sb.append("|---|---:|---:|---:|---:|---:|\n");
        for (EntityType type : EntityType.values()) {
            sb.append(row(type.name(), COUNTS.get(type)));
        }
        sb.append(row("**all**", total()));
        return sb.toString();
    }

    private static String row(String name, int[] c) {
        return String.format(
                java.util.Locale.ROOT,
                "| %s | %d | %d | %d | %.3f | %.3f |%n",
                name,
                c[TP] + c[FN],
                c[TP] + c[FP],
                c[TP],
                precision(c),
                recall(c));
    }
}
