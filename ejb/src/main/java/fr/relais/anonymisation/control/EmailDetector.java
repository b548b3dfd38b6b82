package fr.relais.anonymisation.control;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

final class EmailDetector implements Detector {

    private static final Pattern EMAIL =
            Pattern.compile("(?<![\\p{L}\\p{N}._%+\\-])[\\p{L}\\p{N}_%+\\-]+(?:\\.[\\p{L}\\p{N}_%+\\-]+)*"
                    + "@[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\-]*[\\p{L}\\p{N}])?"
                    + "(?:\\.[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\-]*[\\p{L}\\p{N}])?)*\\.\\p{L}{2,24}(?![\\p{L}\\p{N}])");

    @Override
    public void detect(String text, ReporterIdentity reporter, List<DetectedEntity> out) {
        if (text.indexOf('@') < 0) {
            return;
        }
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            out.add(new DetectedEntity(EntityType.EMAIL, m.start(), m.end(), m.group()));
        }
    }
}
