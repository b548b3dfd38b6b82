package fr.relais.directory.boundary;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How passwords are hashed (Jakarta Security's PBKDF2), in one place for the identity store's
 * annotation (which needs constants) and for the code that creates accounts.
 */
public final class PasswordPolicy {
    public static final String ALGORITHM = "Pbkdf2PasswordHash.Algorithm=PBKDF2WithHmacSHA256";
    public static final String ITERATIONS = "Pbkdf2PasswordHash.Iterations=210000";
    public static final String SALT_SIZE = "Pbkdf2PasswordHash.SaltSizeBytes=16";
    public static final String KEY_SIZE = "Pbkdf2PasswordHash.KeySizeBytes=32";

    private PasswordPolicy() {}

    /** The same settings as {@code Pbkdf2PasswordHash.initialize} takes them. */
    public static Map<String, String> parameters() {
        return Stream.of(ALGORITHM, ITERATIONS, SALT_SIZE, KEY_SIZE)
                .map(p -> p.split("=", 2))
                .collect(Collectors.toUnmodifiableMap(p -> p[0], p -> p[1]));
    }
}
