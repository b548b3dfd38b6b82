package fr.relais.anonymisation.control;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** French social security number: 13 characters plus a key equal to 97 - (number mod 97), with 2A/2B read as 19/18. */
final class NirDetector implements Detector {

    private static final Pattern NIR =
            Pattern.compile("(?<![\\p{L}\\p{N}])[1-478][ .]?\\d{2}[ .]?(?:0[1-9]|1[0-2]|[2-9]\\d)"
                    + "[ .]?(?:\\d{2}|2[ABab])[ .]?\\d{3}[ .]?\\d{3}[ .]?\\d{2}(?![\\p{L}\\p{N}])");

    @Override
    public void detect(String text, ReporterIdentity reporter, List<DetectedEntity> out) {
        Matcher m = NIR.matcher(text);
        while (m.find()) {
            if (isValid(m.group())) {
                out.add(new DetectedEntity(EntityType.NIR, m.start(), m.end(), m.group()));
            }
        }
    }

    static boolean isValid(String candidate) {
        String compact = Texts.alnumUpper(candidate);
        if (compact.length() != 15) {
            return false;
        }
        String body = compact.substring(0, 13);
        String department = body.substring(5, 7);
        if (department.equals("2A")) {
            body = body.substring(0, 5) + "19" + body.substring(7);
        } else if (department.equals("2B")) {
            body = body.substring(0, 5) + "18" + body.substring(7);
        }
        for (int i = 0; i < body.length(); i++) {
            if (!Character.isDigit(body.charAt(i))) {
                return false;
            }
        }
        long key = Long.parseLong(compact.substring(13));
        return key == 97 - Long.parseLong(body) % 97;
    }
}
