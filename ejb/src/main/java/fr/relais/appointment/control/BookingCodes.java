package fr.relais.appointment.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Booking codes: 10 characters of an alphabet with no look-alikes (no 0/O, 1/I/L, U), about 49 bits
 * from a secure random source: short enough to type, too many to guess under the rate limits. Only a
 * hash is stored; what a citizen types is read leniently (case, spaces, dashes).
 */
public final class BookingCodes {
    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final int LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private BookingCodes() {}

    public static String next() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** What was typed, upper-cased without spaces and dashes; null when it cannot be a code. */
    public static String normalised(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return null;
        }
        return code;
    }

    public static String hash(String code) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(("relais-booking-code\0" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
