package fr.relais.anonymisation.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnonymiserTest {

    private static final String TEXT =
            "Je m'appelle Sophie Martin, appelez le 06 12 34 56 78 ou le 06.12.34.56.78. Mon ex Julien Moreau.";
    private final Anonymiser anonymiser = new Anonymiser("secret".getBytes(StandardCharsets.UTF_8));

    @Test
    void placeholdersNumberEachDistinctValueOncePerType() {
        AnonymisationResult result = anonymiser.anonymise(TEXT, ReporterIdentity.empty(), Policy.failClosed());
        assertThat(result.text())
                .isEqualTo("Je m'appelle [NOM 1], appelez le [TÉLÉPHONE 1] ou le [TÉLÉPHONE 1]. Mon ex [NOM 2].");
        assertThat(result.redactions()).extracting(Redaction::start).containsExactly(13, 39, 60, 83);
    }

    @Test
    void redactionsPointIntoTheOriginalAndNeverCarryTheValue() {
        AnonymisationResult result = anonymiser.anonymise(TEXT, null, null);
        for (Redaction r : result.redactions()) {
            String original = TEXT.substring(r.start(), r.end());
            assertThat(r.replacement()).doesNotContain(original);
            assertThat(result.text()).doesNotContain(original);
        }
    }

    @Test
    void releasedEntitiesAndTypesOutsideThePolicyStayVisible() {
        Policy releaseSecondName = Policy.failClosed().releasing(Set.of(3));
        assertThat(anonymiser.anonymise(TEXT, null, releaseSecondName).text()).contains("Julien Moreau");
        Policy phonesOnly = new Policy(Operator.PLACEHOLDER, EnumSet.of(EntityType.PHONE), null);
        assertThat(anonymiser.anonymise(TEXT, null, phonesOnly).text())
                .contains("Sophie Martin")
                .doesNotContain("06 12");
    }

    @Test
    void aPolicyWithoutTypesFailsClosed() {
        assertThat(new Policy(null, null, null)).isEqualTo(Policy.failClosed());
    }

    @Test
    void maskKeepsTheShapeButNotTheValue() {
        String masked = anonymiser
                .anonymise("tel 06.12.34.56.78", null, Policy.failClosed().with(Operator.MASK))
                .text();
        assertThat(masked).isEqualTo("tel **.**.**.**.**");
    }

    @Test
    void pseudonymsAreStableAcrossTextsAndSpellingsButDependOnTheSecret() {
        Policy pseudonyms = Policy.failClosed().with(Operator.PSEUDONYM);
        String a = anonymiser.anonymise("tel 06 12 34 56 78", null, pseudonyms).text();
        String b =
                anonymiser.anonymise("tel +33 6 12 34 56 78", null, pseudonyms).text();
        String other = new Anonymiser("other".getBytes(StandardCharsets.UTF_8))
                .anonymise("tel 06 12 34 56 78", null, pseudonyms)
                .text();
        assertThat(a).matches("tel \\[TÉLÉPHONE [0-9a-f]{10}]").isEqualTo(b).isNotEqualTo(other);
    }

    @Test
    void reporterFieldsAreRedactedWhereverTheyAppear() {
        ReporterIdentity reporter = new ReporterIdentity("Hélène", "Roux", null, "h.roux@free.fr", null);
        String text = anonymiser
                .anonymise("c'est helene ROUX (H.Roux@Free.fr)", reporter, Policy.failClosed())
                .text();
        assertThat(text).isEqualTo("c'est [NOM 1] ([E-MAIL 1])");
    }

    @Test
    void badInputNeverThrows() {
        assertThat(anonymiser.detect(null, null)).isEmpty();
        assertThat(anonymiser.anonymise("", null, null).text()).isEmpty();
        String nasty = "\u0000\u0007\uD800 M. \uDC00Dupont \uDBFF06 12 34 56 78\u001B\uFFFF";
        AnonymisationResult result = anonymiser.anonymise(nasty, ReporterIdentity.empty(), Policy.failClosed());
        assertThat(result.text()).startsWith("\u0000\u0007\uD800").contains("[TÉLÉPHONE 1]");
        String big = "Mme Nathalie Lambert au 06 12 34 56 78. ".repeat(2_500);
        assertThat(anonymiser.detect(big, null)).hasSize(5_000);
    }

    @Test
    void theSecretIsRequired() {
        assertThatThrownBy(() -> new Anonymiser(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
