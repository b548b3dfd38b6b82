package fr.relais.anonymisation.control;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Two kinds of spans: the street line ("12 rue des Lilas", "3 bis avenue Victor-Hugo") and the postal code with its
 * commune ("75011 Paris"). A numbered line without a street type ("8 Les Cèdres") is taken only right before a postal
 * code, where it cannot be anything else.
 */
final class PostalAddressDetector implements Detector {

    private static final String CAP_WORD = "\\p{Lu}[\\p{L}]*(?:[-'’]\\p{L}+)*";
    private static final String PARTICLES = "(?:(?i:de|du|des|la|le|les|aux|au|sur|sous|en)\\s+|(?i:[dl])['’])";
    private static final String NAME = PARTICLES + "*" + CAP_WORD + "(?:[ \\t]+" + PARTICLES + "*" + CAP_WORD + ")*";
    private static final String NUMBER = "(?<![\\p{L}\\p{N},.])\\d{1,4}(?:\\s?(?i:bis|ter|quater)(?!\\p{L}))?";
    private static final String POSTCODE = "(?<![\\p{L}\\p{N}])(?:0[1-9]|[1-8]\\d|9[0-8])\\d{3}(?![\\p{L}\\p{N}])";
    private static final String COMMUNE =
            "(?:(?:Le|La|Les|L['’])\\s*)?" + CAP_WORD + "(?:\\s+(?:CEDEX|Cedex)(?:\\s+\\d{1,2})?)?";

    private static final Pattern STREET;
    private static final Pattern POSTAL = Pattern.compile(POSTCODE + "[ \\t]+" + COMMUNE);
    private static final Pattern STREET_BEFORE_POSTCODE =
            Pattern.compile(NUMBER + ",?[ \\t]+" + NAME + "(?=[ \\t]*,?[ \\t]*" + POSTCODE + "[ \\t]+\\p{Lu})");

    static {
        String types = Texts.resourceLines("/anonymisation/street-types.txt").stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
        STREET = Pattern.compile(NUMBER + "\\s*,?[ \\t]+(?iu:" + types + ")(?!\\p{L})[ \\t]+" + NAME);
    }

    @Override
    public void detect(String text, ReporterIdentity reporter, List<DetectedEntity> out) {
        if (!hasDigit(text)) {
            return;
        }
        find(STREET, text, out);
        find(POSTAL, text, out);
        find(STREET_BEFORE_POSTCODE, text, out);
    }

    private static void find(Pattern pattern, String text, List<DetectedEntity> out) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(new DetectedEntity(EntityType.POSTAL_ADDRESS, m.start(), m.end(), m.group()));
        }
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
