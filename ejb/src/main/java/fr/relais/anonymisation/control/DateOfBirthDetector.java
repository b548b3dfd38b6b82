package fr.relais.anonymisation.control;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A full date counts as a date of birth only when a birth cue ("né le", "date de naissance") comes shortly before it. */
final class DateOfBirthDetector implements Detector {

    private static final String MONTHS =
            "janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre";
    private static final Pattern DATE = Pattern.compile("(?<![\\p{L}\\p{N}/.\\-])(?:"
            + "(?:0?[1-9]|[12]\\d|3[01])([/.\\-])(?:0?[1-9]|1[0-2])\\1(?:19|20)\\d{2}"
            + "|(?:1er|0?[1-9]|[12]\\d|3[01])\\s+(?i:" + MONTHS + ")\\s+(?:19|20)\\d{2}"
            + ")(?![\\p{L}\\p{N}]|[/.\\-]\\d)");
    private static final Pattern CUE = Pattern.compile(
            "(?iu)(?:(?<!\\p{L})n[ée]e?s?\\s+le\\s*$|(?<!\\p{L})n[ée]e?s?(?!\\p{L})|(?<!\\p{L})n[ée]\\(e\\)|naissance"
                    + "|(?<!\\p{L})dob(?!\\p{L})|(?<!\\p{L})naiss?\\.)");
    private static final Pattern UNACCENTED_NE = Pattern.compile("(?iu)ne");
    private static final int WINDOW = 45;

    @Override
    public void detect(String text, ReporterIdentity reporter, List<DetectedEntity> out) {
        Matcher m = DATE.matcher(text);
        while (m.find()) {
            int from = Math.max(0, m.start() - WINDOW);
            String before = text.substring(from, m.start());
            int sentence = Math.max(before.lastIndexOf(". "), before.lastIndexOf('\n'));
            if (sentence >= 0) {
                before = before.substring(sentence + 1);
            }
            if (hasCue(before)) {
                out.add(new DetectedEntity(EntityType.DATE_OF_BIRTH, m.start(), m.end(), m.group()));
            }
        }
    }

    private static boolean hasCue(String before) {
        Matcher cue = CUE.matcher(before);
        while (cue.find()) {
            String word = cue.group();
            // without its accent, "ne" is mostly the negation ("je ne sais pas le 12/03/2024"): only "ne le <date>"
            // counts
            if (!UNACCENTED_NE.matcher(word).matches()) {
                return true;
            }
        }
        return false;
    }
}
