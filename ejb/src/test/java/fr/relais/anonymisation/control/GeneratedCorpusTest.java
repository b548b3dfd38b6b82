package fr.relais.anonymisation.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall per type on the narratives of {@link GeneratedCorpus}, for the committed seed. Prints the table
 * that RESULTS.md reproduces and writes it to target/generated-corpus-results.md.
 */
class GeneratedCorpusTest {

    private static List<Corpus.Narrative> narratives;
    private static CorpusScore score;
    private static CorpusScore fresh;

    @BeforeAll
    static void evaluate() throws IOException {
        Anonymiser anonymiser = new Anonymiser("generated-corpus-secret".getBytes(StandardCharsets.UTF_8));
        narratives = GeneratedCorpus.generate(GeneratedCorpus.SEED, GeneratedCorpus.SIZE);
        score = CorpusScore.of(anonymiser, narratives);
        String report = "Seed " + GeneratedCorpus.SEED + ", " + narratives.size() + " narratives\n\n" + score.table();
        System.out.println(report);
        score.misses().forEach(System.out::println);
        narratives.stream().limit(3).forEach(n -> System.out.println(n.id() + ": " + n.text()));
        fresh = CorpusScore.of(anonymiser, GeneratedCorpus.generate(GeneratedCorpus.FRESH_SEED, GeneratedCorpus.SIZE));
        String freshReport =
                "Seed " + GeneratedCorpus.FRESH_SEED + ", " + GeneratedCorpus.SIZE + " narratives\n\n" + fresh.table();
        System.out.println(freshReport);
        fresh.misses().forEach(System.out::println);
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(
                    target.resolve("generated-corpus-results.md"),
                    report + "\n" + freshReport + "\n" + String.join("\n", score.misses()) + "\n\n"
                            + String.join("\n", fresh.misses()) + "\n",
                    StandardCharsets.UTF_8);
            StringBuilder texts = new StringBuilder();
            narratives.forEach(
                    n -> texts.append(n.id()).append('\t').append(n.text()).append('\n'));
            Files.writeString(target.resolve("generated-corpus.txt"), texts, StandardCharsets.UTF_8);
        }
    }

    @Test
    void theSameSeedGivesTheSameCorpus() {
        assertThat(GeneratedCorpus.generate(GeneratedCorpus.SEED, GeneratedCorpus.SIZE))
                .isEqualTo(narratives);
        assertThat(GeneratedCorpus.generate(GeneratedCorpus.SEED + 1, 5)).isNotEqualTo(narratives.subList(0, 5));
    }

    @Test
    void corpusIsLargeEnoughAndCoversEveryType() {
        assertThat(narratives).hasSizeGreaterThanOrEqualTo(150);
        for (EntityType type : EnumSet.allOf(EntityType.class)) {
            assertThat(score.expected(type)).as("expected %s entities", type).isGreaterThanOrEqualTo(20);
        }
    }

    @Test
    void expectedSpansDoNotOverlapAndHoldNoSurroundingSpace() {
        for (Corpus.Narrative n : narratives) {
            int previousEnd = -1;
            for (Corpus.Expected e : n.expected()) {
                String value = n.text().substring(e.start(), e.end());
                assertThat(value).as(n.id()).isEqualTo(value.strip()).isNotEmpty();
                assertThat(e.start()).as(n.id()).isGreaterThanOrEqualTo(previousEnd);
                previousEnd = e.end();
            }
        }
    }
}
