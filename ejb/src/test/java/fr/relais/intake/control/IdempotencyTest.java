package fr.relais.intake.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.shared.DomainException;
import org.junit.jupiter.api.Test;

class IdempotencyTest {
    private static final String KEY = "3f1c2a9e-5b7d-4e21-9c0a-8d6f4b2e1a70";
    private static final String TOKEN = "kZ3q9nT0bV7yW2xR5uE8pA1sD4fG6hJ9kL0zX3cV5bN";

    @Test
    void aSealedTokenOpensWithItsIdempotencyKeyOnly() {
        String sealed = Idempotency.seal(TOKEN, KEY);

        assertThat(sealed).doesNotContain(TOKEN);
        assertThat(Idempotency.unseal(sealed, KEY)).isEqualTo(TOKEN);
        assertThat(Idempotency.seal(TOKEN, KEY)).as("a fresh IV each time").isNotEqualTo(sealed);
        assertThatThrownBy(() -> Idempotency.unseal(sealed, KEY.replace('3', '4')))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theStoredHashIsScopedToItsUseAndRevealsNeitherKeyNorSealingKey() {
        String open = Idempotency.keyHash("open", KEY);

        assertThat(open).hasSize(64).doesNotContain(KEY);
        assertThat(Idempotency.keyHash("message:12", KEY)).isNotEqualTo(open);
        assertThat(Idempotency.keyHash("open", KEY)).isEqualTo(open);
    }

    @Test
    void requestsDifferingInAnyFieldHashDifferently() {
        assertThat(Idempotency.requestHash("GENERALIST", "REPORT", "THEFT", "Bonjour"))
                .isEqualTo(Idempotency.requestHash("GENERALIST", "REPORT", "THEFT", "Bonjour"))
                .isNotEqualTo(Idempotency.requestHash("GENERALIST", "REPORT", "THEFT", "Bonjour !"))
                .isNotEqualTo(Idempotency.requestHash(null, "REPORT", "THEFT", "Bonjour"));
        assertThat(Idempotency.requestHash("ab", "c")).isNotEqualTo(Idempotency.requestHash("a", "bc"));
        assertThat(Idempotency.requestHash((String) null)).isNotEqualTo(Idempotency.requestHash(""));
    }

    @Test
    void acceptsSixteenToTwoHundredVisibleAsciiCharacters() {
        assertThat(Idempotency.checked(null)).isNull();
        assertThat(Idempotency.checked(KEY)).isEqualTo(KEY);
        assertThat(Idempotency.checked("x".repeat(200))).hasSize(200);
        for (String bad :
                new String[] {"x".repeat(15), "x".repeat(201), "clé-avec-accent-é-1234", "with space 1234567"}) {
            assertThatThrownBy(() -> Idempotency.checked(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            DomainException.class, e -> assertThat(e.code()).isEqualTo("invalid_idempotency_key"));
        }
    }
}
