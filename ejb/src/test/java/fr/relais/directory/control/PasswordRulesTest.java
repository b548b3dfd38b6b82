package fr.relais.directory.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.shared.DomainException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PasswordRulesTest {
    @Test
    void aLongPasswordMixingThreeKindsWithoutTheNamePasses() {
        assertThatCode(() -> PasswordRules.check("marie.durand", "Nouveau-mot-2-passe"))
                .doesNotThrowAnyException();
        assertThatCode(() -> PasswordRules.check("marie.durand", "été comme hiver 2026"))
                .doesNotThrowAnyException();
    }

    @Test
    void eachRuleRefusesWithItsReason() {
        assertWeak("marie", "Court-1", "au moins 12");
        assertWeak("marie", "toutenminusculesici", "trois sortes");
        assertWeak("marie", "TOUTENMAJUSCULES123", "trois sortes"); // two kinds only
        assertWeak("marie", "Avec-MARIE-2026", "identifiant");
        assertWeak("marie", "A1-".repeat(50), "128");
        assertWeak("marie", null, "au moins 12");
    }

    @Test
    void temporaryPasswordsAreLongMixedAndDifferent() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String password = PasswordRules.temporary();
            assertThat(password).hasSize(16).doesNotContain("0", "O", "l", "1", "I");
            assertThat(PasswordRules.kinds(password)).isGreaterThanOrEqualTo(3);
            seen.add(password);
        }
        assertThat(seen).hasSize(200);
    }

    private static void assertWeak(String user, String password, String reason) {
        assertThatThrownBy(() -> PasswordRules.check(user, password))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("weak_password");
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID_INPUT);
                })
                .hasMessageContaining(reason);
    }
}
