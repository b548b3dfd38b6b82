package fr.relais.anonymisation.control;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identifiers whose shape matches but whose check fails (a NIR key, an IBAN's mod 97, a card's Luhn digit): a typo in
 * one digit leaves the rest of the identifier readable, so they are redacted too, unless the operator releases them
 * at review. {@link Anonymiser} takes these only where no checked detection already stands, so a valid identifier
 * always keeps its own type.
 */
final class FailClosedShapes implements Detector {

    /** The layout of a NIR: sex, year, month, department (2A/2B included), commune, order, key. */
    private static final Pattern NIR =
            Pattern.compile("(?<![\\p{L}\\p{N}])[1-478]([ .]?)\\d{2}\\1(?:0[1-9]|1[0-2]|[2-9]\\d)"
                    + "\\1(?:\\d{2}|2[ABab])\\1\\d{3}\\1\\d{3}\\1\\d{2}(?![\\p{L}\\p{N}])");
    /** A French IBAN: FR, two check digits, 23 characters, grouped by four or written in one block. */
    private static final Pattern IBAN = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:FR|MC)\\d{2}(?:(?: ?[0-9A-Z]{4}){5} ?[0-9A-Z]{3})(?![\\p{L}\\p{N}])");
    /** Sixteen digits in groups of four, or the 4-6-5 American Express layout, starting with a network digit. */
    private static final Pattern CARD =
            Pattern.compile("(?<!\\d)(?<!\\d[ \\-])(?:[2-6]\\d{3}([ \\-])\\d{4}\\1\\d{4}\\1\\d{4}"
                    + "|3[47]\\d{2}([ \\-])\\d{6}\\2\\d{5})(?![\\p{N}]|[ \\-]\\d)");

    @Override
    public void detect(String text, ReporterIdentity reporter, List<DetectedEntity> out) {
        if (!hasDigitRun(text, 13)) {
            return;
        }
        find(NIR, EntityType.NIR, text, out);
        if (text.contains("FR") || text.contains("MC")) {
            find(IBAN, EntityType.IBAN, text, out);
        }
        find(CARD, EntityType.PAYMENT_CARD, text, out);
    }

    /** Whether {@code min} digits follow each other, single spaces, dots or dashes apart: every shape here needs it. */
    static boolean hasDigitRun(String text, int min) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++run >= min) {
                    return true;
                }
            } else if (!((c == ' ' || c == '.' || c == '-')
                    && run > 0
                    && i > 0
                    && Character.isDigit(text.charAt(i - 1)))) {
                run = 0;
            }
        }
        return false;
    }

    private static void find(Pattern pattern, EntityType type, String text, List<DetectedEntity> out) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(new DetectedEntity(type, m.start(), m.end(), m.group()));
        }
    }
}
