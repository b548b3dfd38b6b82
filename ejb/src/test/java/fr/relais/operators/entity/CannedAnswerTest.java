package fr.relais.operators.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.shared.DomainException;
import fr.relais.shared.Platform;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CannedAnswerTest {
    static final Instant NOW = Instant.parse("2026-11-28T21:00:00Z");

    static String code(Runnable change) {
        try {
            change.run();
        } catch (DomainException e) {
            return e.code();
        }
        return null;
    }

    @Test
    void aLinkInsertsItsTextAndItsAddress() {
        var link = new CannedAnswer(
                Platform.GENERALIST,
                CannedAnswer.Kind.LINK,
                "Plainte en ligne",
                "  Vous pouvez déposer une pré-plainte en ligne :",
                "https://www.pre-plainte-en-ligne.gouv.fr/",
                NOW);
        assertThat(link.insertedText())
                .isEqualTo("Vous pouvez déposer une pré-plainte en ligne : https://www.pre-plainte-en-ligne.gouv.fr/");
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        var answer = new CannedAnswer(Platform.VSS, CannedAnswer.Kind.ANSWER, "Accueil", "Bonjour.", null, NOW);
        assertThat(code(() -> answer.change(null, CannedAnswer.Kind.ANSWER, "t", "b", null, NOW)))
                .isEqualTo("invalid_platform");
        assertThat(code(() -> answer.change(Platform.VSS, null, "t", "b", null, NOW)))
                .isEqualTo("invalid_kind");
        assertThat(code(() -> answer.change(Platform.VSS, CannedAnswer.Kind.ANSWER, " ", "b", null, NOW)))
                .isEqualTo("invalid_title");
        assertThat(code(() -> answer.change(Platform.VSS, CannedAnswer.Kind.ANSWER, "x".repeat(81), "b", null, NOW)))
                .isEqualTo("invalid_title");
        assertThat(code(() -> answer.change(Platform.VSS, CannedAnswer.Kind.ANSWER, "t", "b".repeat(1001), null, NOW)))
                .isEqualTo("invalid_body_text");
        assertThat(code(() ->
                        answer.change(Platform.VSS, CannedAnswer.Kind.LINK, "t", "b", "javascript:alert(1)", NOW)))
                .isEqualTo("invalid_url");
        assertThat(code(() -> answer.change(Platform.VSS, CannedAnswer.Kind.LINK, "t", "b", "https://", NOW)))
                .isEqualTo("invalid_url");
        assertThat(code(() -> answer.change(Platform.VSS, CannedAnswer.Kind.ANSWER, "t", "b", "https://x.fr", NOW)))
                .isEqualTo("invalid_url");
        assertThat(answer.title()).isEqualTo("Accueil");
        assertThat(answer.insertedText()).isEqualTo("Bonjour.");
        assertThatThrownBy(() -> new CannedAnswer(Platform.VSS, CannedAnswer.Kind.LINK, "t", "b", null, NOW))
                .isInstanceOf(DomainException.class);
    }
}
