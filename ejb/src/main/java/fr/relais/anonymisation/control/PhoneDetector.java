package fr.relais.anonymisation.control;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.List;

/** French and international numbers as libphonenumber validates them (ranges actually allocated, not just digit counts). */
final class PhoneDetector implements Detector {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    @Override
    public void detect(String text, ReporterIdentity reporter, List<DetectedEntity> out) {
        if (!hasEnoughDigits(text)) {
            return;
        }
        for (PhoneNumberMatch match : PHONES.findNumbers(text, "FR", PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
            out.add(new DetectedEntity(EntityType.PHONE, match.start(), match.end(), match.rawString()));
        }
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

    /** E.164 when the value parses, digits otherwise: two spellings of one number get one placeholder. */
    static String canonical(String value) {
        try {
            return PHONES.format(PHONES.parse(value, "FR"), PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (Exception e) {
            return Texts.digits(value);
        }
    }
}
