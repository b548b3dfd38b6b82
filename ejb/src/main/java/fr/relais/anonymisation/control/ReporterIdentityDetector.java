package fr.relais.anonymisation.control;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whatever the citizen typed in the identity fields, found again in the narrative however it is spelt there: other
 * case, no accents, other separators ("Hélène" / "helene", "0612345678" / "06 12 34 56 78").
 */
final class ReporterIdentityDetector implements Detector {

    private static final Pattern POSTCODE_AND_COMMUNE =
            Pattern.compile("(?<![\\p{L}\\p{N}])(?:0[1-9]|[1-8]\\d|9[0-8])\\d{3}(?![\\p{L}\\p{N}]).*");

    @Override
    public void detect(String text, ReporterIdentity reporter, List<DetectedEntity> out) {
        if (reporter == null) {
            return;
        }
        String folded = null;
        for (String value : new String[] {reporter.firstName(), reporter.lastName()}) {
            if (hasLetters(value, 2)) {
                folded = folded == null ? Texts.fold(text) : folded;
                findWords(text, folded, value, EntityType.PERSON_NAME, out);
            }
        }
        if (hasLetters(reporter.email(), 3) && reporter.email().indexOf('@') > 0) {
            folded = folded == null ? Texts.fold(text) : folded;
            findWords(text, folded, reporter.email().strip(), EntityType.EMAIL, out);
        }
        if (!Texts.isBlank(reporter.address())) {
            folded = folded == null ? Texts.fold(text) : folded;
            for (String part : addressParts(reporter.address())) {
                if (hasLetters(part, 3)) {
                    findWords(text, folded, part, EntityType.POSTAL_ADDRESS, out);
                }
            }
        }
        findPhone(text, reporter.phone(), out);
    }

    /** The street line and the "postal code + commune" part separately, as the narrative often has only one of them. */
    static List<String> addressParts(String address) {
        List<String> parts = new ArrayList<>();
        Matcher m = POSTCODE_AND_COMMUNE.matcher(address);
        if (m.find()) {
            parts.add(address.substring(0, m.start()));
            parts.add(m.group());
        } else {
            parts.add(address);
        }
        return parts;
    }

    /** Matches the value's words in order, on folded text, with any run of separators between them. */
    private static void findWords(String text, String folded, String value, EntityType type, List<DetectedEntity> out) {
        String[] words = Texts.fold(value).split("[^\\p{L}\\p{N}@._+]+|(?<=[\\p{L}\\p{N}])[.](?=\\s|$)");
        StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])");
        int count = 0;
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            if (count++ > 0) {
                regex.append("[\\s,\\-'’.]+");
            }
            regex.append(Pattern.quote(word));
        }
        if (count == 0) {
            return;
        }
        regex.append("(?![\\p{L}\\p{N}])");
        Matcher m = Pattern.compile(regex.toString()).matcher(folded);
        while (m.find()) {
            out.add(new DetectedEntity(type, m.start(), m.end(), text.substring(m.start(), m.end())));
        }
    }

    private static void findPhone(String text, String phone, List<DetectedEntity> out) {
        if (Texts.isBlank(phone)) {
            return;
        }
        String digits = Texts.digits(phone);
        if (digits.startsWith("0033")) {
            digits = digits.substring(4);
        } else if (digits.startsWith("33") && phone.strip().startsWith("+")) {
            digits = digits.substring(2);
        }
        if (digits.startsWith("0")) {
            digits = digits.substring(1);
        }
        if (digits.length() < 6) {
            return;
        }
        StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}+])(?:(?:\\+|00)\\s?33\\s?(?:\\(0\\)\\s?)?|0\\s?)?");
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0) {
                regex.append("[\\s.\\-]?");
            }
            regex.append(digits.charAt(i));
        }
        regex.append("(?![\\p{N}])");
        Matcher m = Pattern.compile(regex.toString()).matcher(text);
        while (m.find()) {
            out.add(new DetectedEntity(EntityType.PHONE, m.start(), m.end(), m.group()));
        }
    }

    private static boolean hasLetters(String value, int min) {
        if (value == null) {
            return false;
        }
        int n = 0;
        for (int i = 0; i < value.length(); i++) {
            if (Character.isLetterOrDigit(value.charAt(i))) {
                n++;
            }
        }
        return n >= min;
    }
}
