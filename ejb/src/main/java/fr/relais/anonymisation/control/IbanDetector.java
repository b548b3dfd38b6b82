package fr.relais.anonymisation.control;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

final class IbanDetector implements Detector {

    private static final Pattern START = Pattern.compile("(?<![\\p{L}\\p{N}])[A-Z]{2}\\d{2}(?=[ \\-]?[A-Z0-9])");
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);
    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("FR", 27),
            Map.entry("MC", 27),
            Map.entry("DE", 22),
            Map.entry("BE", 16),
            Map.entry("ES", 24),
            Map.entry("IT", 27),
            Map.entry("PT", 25),
            Map.entry("GB", 22),
            Map.entry("CH", 21),
            Map.entry("LU", 20),
            Map.entry("NL", 18),
            Map.entry("LT", 20),
            Map.entry("IE", 22),
            Map.entry("AT", 20),
            Map.entry("PL", 28),
            Map.entry("RO", 24),
            Map.entry("MA", 28),
            Map.entry("TN", 24),
            Map.entry("DZ", 26),
            Map.entry("SN", 28),
            Map.entry("CI", 28),
            Map.entry("TR", 26),
            Map.entry("GR", 27),
            Map.entry("SE", 24),
            Map.entry("DK", 18),
            Map.entry("FI", 18),
            Map.entry("NO", 15),
            Map.entry("CZ", 24),
            Map.entry("EE", 20),
            Map.entry("LV", 21),
            Map.entry("BG", 22),
            Map.entry("HR", 21),
            Map.entry("SI", 19),
            Map.entry("SK", 24),
            Map.entry("HU", 28),
            Map.entry("CY", 28),
            Map.entry("MT", 31));

    @Override
    public void detect(String text, ReporterIdentity reporter, List<DetectedEntity> out) {
        Matcher m = START.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            int start = m.start();
            Integer expected = LENGTHS.get(text.substring(start, start + 2));
            List<int[]> ends = GroupedNumbers.groupEnds(text, start, true, 34);
            int found = -1;
            for (int k = ends.size() - 1; k >= 0 && found < 0; k--) {
                int[] end = ends.get(k);
                boolean lengthOk = expected == null ? end[1] >= 15 : end[1] == expected;
                if (lengthOk && Texts.isBoundaryAfter(text, end[0]) && isValid(text.substring(start, end[0]))) {
                    found = end[0];
                }
            }
            if (found > 0) {
                out.add(new DetectedEntity(EntityType.IBAN, start, found, text.substring(start, found)));
                from = found;
            } else {
                from = start + 1;
            }
        }
    }

    static boolean isValid(String candidate) {
        String iban = Texts.alnumUpper(candidate);
        if (iban.length() < 15 || iban.length() > 34) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder(rearranged.length() * 2);
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                digits.append(c - 'A' + 10);
            } else {
                return false;
            }
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }
}
