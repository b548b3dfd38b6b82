package fr.relais.anonymisation.control;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Current SIV plates (AB-123-CD, no I, O or U) and the older FNI ones (1234 AB 56, department last). */
final class LicencePlateDetector implements Detector {

    private static final String SIV_LETTER = "[A-HJ-NP-TV-Z]";
    private static final Pattern SIV = Pattern.compile("(?<![\\p{L}\\p{N}\\-])" + SIV_LETTER
            + "{2}([- ]?)(?!000)\\d{3}\\1" + SIV_LETTER + "{2}(?![\\p{L}\\p{N}]|-[\\p{L}\\p{N}])");
    private static final Pattern FNI = Pattern.compile("(?<![\\p{L}\\p{N}\\-,.])\\d{1,4}([- ]?)[A-HJ-NP-Z]{1,3}\\1"
            + "(?:0[1-9]|[1-8]\\d|9[0-5]|2[AB]|97[1-6])(?![\\p{L}\\p{N}]|-[\\p{L}\\p{N}])");

    @Override
    public void detect(String text, ReporterIdentity reporter, List<DetectedEntity> out) {
        find(SIV, text, out);
        find(FNI, text, out);
    }

    private static void find(Pattern pattern, String text, List<DetectedEntity> out) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(new DetectedEntity(EntityType.LICENCE_PLATE, m.start(), m.end(), m.group()));
        }
    }
}
