package fr.relais.anonymisation.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random narratives assembled from personal data and filler, including control characters and lone surrogates. */
class AnonymiserPropertiesTest {

    private static final Anonymiser ANONYMISER = new Anonymiser("property-secret".getBytes(StandardCharsets.UTF_8));
    private static final List<String> PERSONAL = List.of(
            "06 12 34 56 78",
            "+33 (0)7 81 23 45 67",
            "sophie.martin75@gmail.com",
            "1 85 05 78 006 084 91",
            "FR76 3000 6000 0112 3456 7890 189",
            "4970 1000 0000 0014",
            "GH-452-KL",
            "4521 TX 93",
            "12 rue des Lilas",
            "75011 Paris",
            "née le 3 mars 1972",
            "185.220.101.45",
            "2a01:e0a:5b3:41c0::1",
            "@lea_93",
            "https://www.instagram.com/lea_93",
            "M. Lefèvre",
            "Jean-Marc Le Goff-Dubois",
            "Rose Lemaire",
            "je m'appelle Kevin Durand");
    private static final List<String> FILLER = List.of(
            " ",
            ", ",
            ". ",
            " et ",
            " il a dit ",
            "\n",
            " le 12/03/2024 ",
            " 1 200 euros ",
            " une pierre ",
            " la Rose des Vents ",
            "\u0000",
            "\uD800",
            "\uDC00",
            "\u001B",
            "é",
            " (",
            ") ",
            "\t",
            " rue ",
            " 06 ");

    @Property(tries = 300, seed = "20250101")
    void noDetectedValueSurvivesAndTheRestIsKeptInOrder(@ForAll("narratives") String text) {
        List<DetectedEntity> entities = ANONYMISER.detect(text, ReporterIdentity.empty());
        AnonymisationResult result = ANONYMISER.anonymise(text, ReporterIdentity.empty(), Policy.failClosed());

        int previousEnd = 0;
        for (DetectedEntity e : entities) {
            assertThat(e.start()).isGreaterThanOrEqualTo(previousEnd);
            assertThat(text.substring(e.start(), e.end())).isEqualTo(e.value());
            previousEnd = e.end();
        }
        assertThat(result.redactions()).hasSameSizeAs(entities);

        StringBuilder rebuilt = new StringBuilder();
        int cursor = 0;
        for (Redaction r : result.redactions()) {
            rebuilt.append(text, cursor, r.start()).append(r.replacement());
            cursor = r.end();
        }
        rebuilt.append(text, cursor, text.length());
        assertThat(result.text()).isEqualTo(rebuilt.toString());

        for (DetectedEntity e : entities) {
            if (e.value().length() >= 4) {
                assertThat(result.text()).doesNotContain(e.value());
            }
        }
    }

    /** Separated from its neighbours by anything but a letter or digit, a planted identifier is always found. */
    @Property(tries = 200, seed = "20250102")
    void everyPlantedStructuredValueIsRedacted(@ForAll("delimitedNarratives") String text) {
        String redacted = ANONYMISER.anonymise(text, null, null).text();
        for (String value : List.of(
                "06 12 34 56 78",
                "sophie.martin75@gmail.com",
                "FR76 3000 6000 0112 3456 7890 189",
                "4970 1000 0000 0014",
                "GH-452-KL",
                "185.220.101.45",
                "1 85 05 78 006 084 91")) {
            assertThat(redacted).doesNotContain(value);
        }
    }

    @Provide
    Arbitrary<String> delimitedNarratives() {
        List<String> separators = FILLER.stream()
                .filter(f ->
                        !Character.isLetterOrDigit(f.charAt(0)) && !Character.isLetterOrDigit(f.charAt(f.length() - 1)))
                .toList();
        Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of(PERSONAL), Arbitraries.of(separators));
        return Combinators.combine(piece.list().ofMaxSize(25), Arbitraries.of(separators))
                .as((pieces, separator) -> String.join(separator, pieces));
    }

    @Provide
    Arbitrary<String> narratives() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of(PERSONAL),
                Arbitraries.of(FILLER),
                Arbitraries.strings().withCharRange('\u0000', '\uFFFF').ofMaxLength(6));
        return Combinators.combine(piece.list().ofMinSize(0).ofMaxSize(25), Arbitraries.of(FILLER))
                .as((pieces, separator) -> String.join(separator, pieces));
    }
}
