package fr.relais.anonymisation.control;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** 13 to 19 digits starting with a known network digit (2 to 6) and passing Luhn. */
final class PaymentCardDetector implements Detector {

    private static final Pattern START = Pattern.compile("(?<![\\p{L}\\p{N}.,])[2-6]\\d");

    @Override
    public void detect(String text, ReporterIdentity reporter, List<DetectedEntity> out) {
        Matcher m = START.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            int start = m.start();
            List<int[]> ends = GroupedNumbers.groupEnds(text, start, false, 20);
            int found = -1;
            if (!ends.isEmpty() && ends.get(ends.size() - 1)[1] <= 19) {
                for (int k = ends.size() - 1; k >= 0 && found < 0; k--) {
                    int[] end = ends.get(k);
                    if (end[1] >= 13
                            && end[1] <= 19
                            && Texts.isBoundaryAfter(text, end[0])
                            && luhn(text, start, end[0])) {
                        found = end[0];
                    }
                }
            }
            if (found > 0) {
                out.add(new DetectedEntity(EntityType.PAYMENT_CARD, start, found, text.substring(start, found)));
                from = found;
            } else {
                int last = ends.isEmpty() ? start + 1 : ends.get(ends.size() - 1)[0];
                from = Math.max(start + 1, last);
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
