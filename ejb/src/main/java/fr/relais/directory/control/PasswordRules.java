package fr.relais.directory.control;

import fr.relais.shared.DomainException;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * The rules a password chosen by its user must follow, and the temporary passwords administrators
 * hand out. At least 12 characters (at most 128), at least three of the four kinds (lower case,
 * upper case, digit, other), not containing the user name, not the password it replaces. Length
 * first, as ANSSI's and NIST's recommendations put it; kinds keep the shortest ones from being words.
 */
public final class PasswordRules {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    private static final String TEMPORARY_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordRules() {}

    /**
     * Refuses a password breaking a rule.
     *
     * @throws DomainException 400 {@code weak_password} with the rule broken, in French
     */
    public static void check(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw weak("Le mot de passe doit compter au moins " + MIN_LENGTH + " caractères.");
        }
        if (password.length() > MAX_LENGTH) {
            throw weak("Le mot de passe ne doit pas dépasser " + MAX_LENGTH + " caractères.");
        }
        if (kinds(password) < 3) {
            throw weak("Le mot de passe doit mêler au moins trois sortes de caractères parmi minuscules,"
                    + " majuscules, chiffres et autres signes.");
        }
        if (username != null
                && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            throw weak("Le mot de passe ne doit pas contenir l'identifiant.");
        }
    }

    /** How many of the four kinds of characters the password mixes. */
    static int kinds(String password) {
        boolean lower = false, upper = false, digit = false, other = false;
        for (int i = 0; i < password.length(); ) {
            int c = password.codePointAt(i);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
            i += Character.charCount(c);
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    /**
     * A temporary password for an administrator to hand over (16 characters from an alphabet without
     * look-alikes, three kinds guaranteed); its user must change it at the next sign-in.
     */
    public static String temporary() {
        while (true) {
            StringBuilder password = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                password.append(TEMPORARY_ALPHABET.charAt(RANDOM.nextInt(TEMPORARY_ALPHABET.length())));
            }
            if (kinds(password.toString()) >= 3) {
                return password.toString();
            }
        }
    }

    private static DomainException weak(String message) {
        return DomainException.invalid("weak_password", message);
    }
}
