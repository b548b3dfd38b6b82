package fr.relais.anonymisation.control;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * International numbers as libphonenumber validates them, and every sequence shaped like a French number (0X and four
 * pairs, +33 or 0033 and nine digits, in any spacing) whether or not its range is allocated: a reporter's number
 * outside the ranges the library knows is still theirs, so the shape alone fails closed (the operator can release a
 * false alarm at review).
 */
final class PhoneDetector implements Detector {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    /**
     * French-shaped candidates, taken on their shape alone. libphonenumber's matcher also skips a number glued to other
     * digit groups ("... 12/03/2024 06 12 34 56 78", "06 12 34 56 78 1 85 ..."), which this pattern finds.
     */
    private static final Pattern FRENCH_SHAPED =
            Pattern.compile("(?<![\\p{N}+])(?:(?:\\+|00)[ ]?33[ .\\-]?(?:\\(0\\)[ ]?)?"
                    + "[1-9]|0[1-9])(?:[ .\\-]?\\d{2}){4}(?!\\p{N})");

    @Override
    public void detect(String text, ReporterIdentity reporter, List<DetectedEntity> out) {
        if (!hasEnoughDigits(text)) {
            return;
        }
        List<DetectedEntity> found = new ArrayList<>();
        for (PhoneNumberMatch match : PHONES.findNumbers(text, "FR", PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
            found.add(new DetectedEntity(EntityType.PHONE, match.start(), match.end(), match.rawString()));
        }
        Matcher m = FRENCH_SHAPED.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            DetectedEntity candidate = new DetectedEntity(EntityType.PHONE, m.start(), m.end(), m.group());
            if (found.stream().noneMatch(candidate::overlaps)) {
                found.add(candidate);
                from = m.end();
            } else {
                from = m.start() + 1;
            }
        }
        out.addAll(found);
    }

    private static boolean hasEnoughDigits(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9' && ++digits >= 6) {
                return true;
            }
        }
        return false;
    }

    static boolean isValid(String value) {
        try {
            return PHONES.isValidNumber(PHONES.parse(value, "FR"));
        } catch (Exception e) {
            return false;
        }
    }

    /** E.164 when the value parses, digits otherwise: two spellings of one number get one placeholder. */
    static String canonical(String value) {
        try {
            return PHONES.format(PHONES.parse(value, "FR"), PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (Exception e) {
            return Texts.digits(value);
        }
    }
}
