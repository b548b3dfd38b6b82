package fr.relais.forwarding.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a delivery, as the unit's system checks it: {@code sha256=} and the hex HMAC-SHA256,
 * keyed with the unit's shared secret, of the timestamp header, a dot and the body as sent. The
 * timestamp inside the signed text lets the receiver refuse old replays.
 */
public final class DeliverySignature {
    public static final String HEADER = "X-Relais-Signature";
    public static final String TIMESTAMP_HEADER = "X-Relais-Timestamp";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    private static final String PREFIX = "sha256=";

    private DeliverySignature() {}

    /** The header's value for {@code body} sent at {@code timestamp} (seconds since the epoch, as sent). */
    public static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Whether {@code signature} is the one {@link #sign} makes, compared in constant time. */
    public static boolean verify(String secret, String timestamp, String body, String signature) {
        if (signature == null) {
            return false;
        }
        return java.security.MessageDigest.isEqual(
                sign(secret, timestamp, body).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }
}
