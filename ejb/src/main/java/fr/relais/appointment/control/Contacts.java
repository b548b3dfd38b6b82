package fr.relais.appointment.control;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import fr.relais.shared.DomainException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A booking's contact, normalised so that one person's bookings count together: an e-mail address in
 * lower case, or a phone number libphonenumber validates (French without the country code) in E.164.
 */
public final class Contacts {
    public static final int MAX_EMAIL = 254;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"'()]+@[^@\\s<>\"'()]+\\.[^@\\s.<>\"'()]+");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private Contacts() {}

    /** The contact normalised, or a refusal ({@code missing_contact}, {@code invalid_email}, {@code invalid_phone}). */
    public static String normalised(String value) {
        String contact = value == null ? "" : value.strip();
        if (contact.isEmpty()) {
            throw DomainException.invalid(
                    "missing_contact", "Indiquez une adresse électronique ou un numéro de téléphone.");
        }
        if (contact.contains("@")) {
            if (contact.length() > MAX_EMAIL || !EMAIL.matcher(contact).matches()) {
                throw DomainException.invalid("invalid_email", "Adresse électronique invalide.");
            }
            return contact.toLowerCase(Locale.ROOT);
        }
        try {
            if (contact.length() <= 40) {
                var number = PHONES.parse(contact, "FR");
                if (PHONES.isValidNumber(number)) {
                    return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
                }
            }
        } catch (NumberParseException e) {
            // refused below
        }
        throw DomainException.invalid("invalid_phone", "Numéro de téléphone invalide.");
    }

    /** The lock bucket of a contact: 16 bits of a hash, so that the bucket names nobody. */
    public static String bucket(String normalised) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("relais-booking-contact\0" + normalised).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 2);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
