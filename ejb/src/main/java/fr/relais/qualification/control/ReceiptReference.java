package fr.relais.qualification.control;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The receipt reference a citizen gets for a report: ten random symbols of Crockford's base32 (no I, L,
 * O nor U: nothing to confuse when read aloud or typed), grouped {@code XXXX-XXXX-XX}. 50 random bits
 * from a {@link SecureRandom}, never derived from the database id. Input is read leniently: case,
 * spaces, dots and dashes do not matter, and O, I, L are read as 0, 1, 1 as Crockford's decoding says.
 */
public final class ReceiptReference {
    /** Crockford's base32 symbols, in value order. */
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static final int SYMBOLS = 10;

    /** The stored and displayed form's length, dashes included. */
    public static final int LENGTH = SYMBOLS + 2;

    /** Longer input is not read at all. */
    private static final int MAX_INPUT = 40;

    /** Draws before giving up: with 2^50 references, a second draw is already a rare event. */
    static final int MAX_DRAWS = 8;

    private static final SecureRandom RANDOM = new SecureRandom();

    private ReceiptReference() {}

    /** A new random reference in its canonical form, e.g. {@code K7M4-Q9PX-3T}. */
    public static String generate() {
        return generate(RANDOM);
    }

    /**
     * A reference no report has yet: draws again while {@code taken} says a drawn one is in use (the
     * unique index stays the last guard against two transactions drawing the same one at once).
     */
    public static String unused(Predicate<String> taken) {
        return unused(ReceiptReference::generate, taken);
    }

    static String unused(Supplier<String> draw, Predicate<String> taken) {
        for (int attempt = 0; attempt < MAX_DRAWS; attempt++) {
            String reference = draw.get();
            if (!taken.test(reference)) {
                return reference;
            }
        }
        throw new IllegalStateException("no unused receipt reference in " + MAX_DRAWS + " draws");
    }

    static String generate(RandomGenerator random) {
        StringBuilder symbols = new StringBuilder(SYMBOLS);
        for (int i = 0; i < SYMBOLS; i++) {
            symbols.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return grouped(symbols);
    }

    /**
     * The canonical form of what someone typed, or empty when it cannot be a reference (wrong length,
     * a symbol outside the alphabet).
     */
    public static Optional<String> normalise(String input) {
        if (input == null || input.length() > MAX_INPUT) {
            return Optional.empty();
        }
        StringBuilder symbols = new StringBuilder(SYMBOLS);
        for (char c : input.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || c == '.' || Character.isWhitespace(c)) {
                continue;
            }
            char read =
                    switch (c) {
                        case 'O' -> '0';
                        case 'I', 'L' -> '1';
                        default -> c;
                    };
            if (ALPHABET.indexOf(read) < 0 || symbols.length() == SYMBOLS) {
                return Optional.empty();
            }
            symbols.append(read);
        }
        return symbols.length() == SYMBOLS ? Optional.of(grouped(symbols)) : Optional.empty();
    }

    private static String grouped(CharSequence symbols) {
        return symbols.subSequence(0, 4) + "-" + symbols.subSequence(4, 8) + "-" + symbols.subSequence(8, 10);
    }
}
