package fr.relais.intake.control;

import fr.relais.shared.DomainException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cryptography of idempotency keys, with no state: what is stored to recognise a key (a hash,
 * scoped to its use: the same key on two chats are two keys), the hash of a request (a key reused
 * with another body is refused), and the sealing of a chat token under a key derived from the
 * idempotency key (AES-256-GCM), so that the database alone never yields a usable token: only the
 * client holding the idempotency key does.
 */
public final class Idempotency {
    /** How long a key is remembered; a retry after that makes a new chat or message. */
    public static final Duration LIFETIME = Duration.ofHours(24);

    static final int MIN_LENGTH = 16;
    static final int MAX_LENGTH = 200;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;

    private Idempotency() {}

    /** A client's key, checked: 16 to 200 visible ASCII characters (a UUID is 36). */
    public static String checked(String key) {
        if (key == null) {
            return null;
        }
        if (key.length() < MIN_LENGTH
                || key.length() > MAX_LENGTH
                || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw DomainException.invalid(
                    "invalid_idempotency_key",
                    "La clé d'idempotence doit compter de 16 à 200 caractères ASCII visibles.");
        }
        return key;
    }

    /** What is stored to find the key again: SHA-256 of its use and the key. */
    public static String keyHash(String scope, String key) {
        return sha256("relais-idempotency-key\0" + scope + "\0" + key);
    }

    /** The hash of a request's significant fields, each length-prefixed so that no two requests collide. */
    public static String requestHash(String... fields) {
        StringBuilder b = new StringBuilder();
        for (String field : fields) {
            if (field == null) {
                b.append("-1:");
            } else {
                b.append(field.length()).append(':').append(field);
            }
            b.append('\0');
        }
        return sha256(b.toString());
    }

    /** The token encrypted under a key derived from the idempotency key: base64 of IV and ciphertext. */
    public static String seal(String token, String key) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealingKey(key), new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                            .put(iv)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token {@link #seal} sealed with the same idempotency key. */
    public static String unseal(String sealed, String key) {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealingKey(key), new GCMParameterSpec(128, bytes, 0, IV_BYTES));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed chat token does not open with its idempotency key", e);
        }
    }

    /** HMAC-SHA256 keyed by the idempotency key: unrelated to {@link #keyHash}, which is stored. */
    private static SecretKeySpec sealingKey(String key) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return new SecretKeySpec(mac.doFinal("relais-idempotency-chat-token".getBytes(StandardCharsets.UTF_8)), "AES");
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
