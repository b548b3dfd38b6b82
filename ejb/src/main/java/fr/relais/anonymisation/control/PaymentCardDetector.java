package fr.relais.anonymisation.control;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 13 to 19 digits passing Luhn, starting with a network digit (2 to 6), written as cards are: in groups of four, in
 * the 4-6-5 American Express layout, or in one block.
 */
final class PaymentCardDetector implements Detector {

    private static final Pattern CARD = Pattern.compile("(?<![\\p{N}])(?:[2-6]\\d{3}([ \\-]?)\\d{4}\\1\\d{4}\\1\\d{1,7}"
            + "|3[47]\\d{2}([ \\-])\\d{6}\\2\\d{5})(?![\\p{N}])");

    @Override
    public void detect(String text, ReporterIdentity reporter, List<DetectedEntity> out) {
        Matcher m = CARD.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            int digits = Texts.digits(m.group()).length();
            if (digits >= 13 && digits <= 19 && luhn(text, m.start(), m.end())) {
                out.add(new DetectedEntity(EntityType.PAYMENT_CARD, m.start(), m.end(), m.group()));
                from = m.end();
            } else {
                from = m.start() + 1;
            }
        }
    }

    static boolean luhn(CharSequence s, int start, int end) {
        int sum = 0;
        boolean doubled = false;
        for (int i = end - 1; i >= start; i--) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                continue;
            }
            int d = c - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
