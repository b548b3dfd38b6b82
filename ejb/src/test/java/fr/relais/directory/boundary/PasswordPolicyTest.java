package fr.relais.directory.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
    @Test
    void givesTheHashTheSettingsTheIdentityStoreDeclares() {
        assertThat(PasswordPolicy.parameters())
                .containsEntry("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256")
                .containsEntry("Pbkdf2PasswordHash.Iterations", "210000")
                .containsEntry("Pbkdf2PasswordHash.SaltSizeBytes", "16")
                .containsEntry("Pbkdf2PasswordHash.KeySizeBytes", "32")
                .hasSize(4);
    }
}
