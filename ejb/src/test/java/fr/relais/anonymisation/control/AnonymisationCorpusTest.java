package fr.relais.anonymisation.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall per type on the hand-written corpus (see CORPUS.md for the matching rule: same type, same
 * exact span). Prints the table that RESULTS.md reproduces.
 */
class AnonymisationCorpusTest {

    private static CorpusScore score;

    @BeforeAll
    static void evaluate() {
        Anonymiser anonymiser = new Anonymiser("corpus-test-secret".getBytes());
        score = CorpusScore.of(anonymiser, Corpus.load().narratives());
        System.out.println(score.table());
        score.misses().forEach(System.out::println);
    }

    @Test
    void corpusIsLargeEnoughAndCoversEveryType() {
        assertThat(Corpus.load().narratives()).hasSizeGreaterThanOrEqualTo(60);
        for (EntityType type : EntityType.values()) {
            assertThat(score.expected(type))
                    .as("expected %s entities in the corpus", type)
                    .isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void structuredTypesAreFoundAtLeast99PercentOfTheTime() {
        for (EntityType type : CorpusScore.STRUCTURED) {
            assertThat(score.recall(type)).as("recall of %s", type).isGreaterThanOrEqualTo(0.99);
        }
    }

    @Test
    void namesAndAddressesAreFoundAtLeast90PercentOfTheTime() {
        assertThat(score.recall(EntityType.PERSON_NAME)).as("recall of names").isGreaterThanOrEqualTo(0.90);
        assertThat(score.recall(EntityType.POSTAL_ADDRESS))
                .as("recall of addresses")
                .isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void overallPrecisionIsAtLeast90Percent() {
        assertThat(score.overallPrecision()).as("overall precision").isGreaterThanOrEqualTo(0.90);
    }
}
