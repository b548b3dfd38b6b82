package fr.relais.qualification.control;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import fr.relais.qualification.entity.Category;
import fr.relais.qualification.entity.CitizenStatement;
import fr.relais.qualification.entity.Qualification;
import fr.relais.shared.DomainException;
import fr.relais.shared.Platform;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of the public report form, with no state: each check refuses (400) with a code naming
 * its field ({@code invalid_category}, {@code invalid_when}, {@code invalid_narrative}, {@code
 * narrative_too_long}, {@code invalid_place}, {@code invalid_identity}, {@code invalid_phone}, {@code
 * invalid_email}); the commune is checked against the official list by the directory.
 */
public final class CitizenForm {
    public static final int MAX_NARRATIVE = 4_000;
    public static final int MAX_PLACE = 200;
    public static final int MAX_NAME = 100;
    public static final int MAX_EMAIL = 200;

    /** The natures of facts the VSS platform handles, as the chat's topics route them; the rest: generalist. */
    private static final Set<Category> VSS =
            Set.of(Category.SEXUAL_VIOLENCE, Category.SEXUAL_VIOLENCE_MINOR, Category.DOMESTIC_VIOLENCE);

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    /** When the facts happened as the citizen says: the canonical answer, and the instant when a time was given. */
    public record StatedTime(String stated, Instant at) {}

    private CitizenForm() {}

    public static Category category(String code) {
        if (code == null || code.isBlank()) {
            throw DomainException.invalid("invalid_category", "Choisissez la nature des faits.");
        }
        try {
            return Category.valueOf(code.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("invalid_category", "Nature des faits inconnue.");
        }
    }

    /** The platform a report of this nature goes to: sexual, sexist and domestic violence to VSS. */
    public static Platform platformOf(Category category) {
        return VSS.contains(category) ? Platform.VSS : Platform.GENERALIST;
    }

    /**
     * The time of the facts: {@code unknown}, a date ({@code 2026-11-27}) or a date and a time
     * ({@code 2026-11-27T21:30}) at the place of the facts ({@code zone}); never in the future.
     */
    public static StatedTime when(String value, ZoneId zone, Instant now) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(
                    "invalid_when", "Indiquez la date des faits, ou que vous ne la connaissez pas.");
        }
        String v = value.strip();
        if (CitizenStatement.UNKNOWN.equalsIgnoreCase(v)) {
            return new StatedTime(CitizenStatement.UNKNOWN, null);
        }
        try {
            if (DATE.matcher(v).matches()) {
                LocalDate date = LocalDate.parse(v);
                checkRange(date, now.atZone(zone).toLocalDate());
                return new StatedTime(date.toString(), null);
            }
            if (DATE_TIME.matcher(v).matches()) {
                LocalDateTime at = LocalDateTime.parse(v);
                checkRange(at.toLocalDate(), now.atZone(zone).toLocalDate());
                Instant instant = at.atZone(zone).toInstant();
                if (instant.isAfter(now.plusSeconds(300))) {
                    throw future();
                }
                return new StatedTime(at.toString(), instant);
            }
        } catch (DateTimeException e) {
            throw invalidWhen();
        }
        throw invalidWhen();
    }

    private static void checkRange(LocalDate date, LocalDate today) {
        if (date.isAfter(today)) {
            throw future();
        }
        if (date.isBefore(EARLIEST)) {
            throw invalidWhen();
        }
    }

    private static DomainException future() {
        return DomainException.invalid("invalid_when", "La date des faits est dans le futur.");
    }

    private static DomainException invalidWhen() {
        return DomainException.invalid("invalid_when", "Date des faits invalide (jour/mois/année, heure facultative).");
    }

    public static String narrative(String text) {
        if (text == null || text.isBlank()) {
            throw DomainException.invalid("invalid_narrative", "Décrivez les faits.");
        }
        if (text.length() > MAX_NARRATIVE) {
            throw DomainException.invalid("narrative_too_long", "Le récit dépasse 4 000 caractères.");
        }
        return text.strip();
    }

    public static String place(String text) {
        String place = blankToNull(text);
        if (place != null && place.length() > MAX_PLACE) {
            throw DomainException.invalid("invalid_place", "Le lieu dépasse 200 caractères.");
        }
        return place;
    }

    /**
     * Who the citizen is and how to reach them. Anonymous (the default) means no name: names come
     * only with the explicit choice to give one's identity, which then needs at least the last name.
     * Contact (phone, e-mail) is optional either way; a phone is stored in international form.
     */
    public static Qualification.Reporter reporter(
            boolean anonymous, String firstName, String lastName, String phone, String email) {
        String first = blankToNull(firstName);
        String last = blankToNull(lastName);
        if (anonymous && (first != null || last != null)) {
            throw DomainException.invalid(
                    "invalid_identity",
                    "Vous avez choisi de rester anonyme : ne donnez pas de nom, ou choisissez de donner votre identité.");
        }
        if (!anonymous && last == null) {
            throw DomainException.invalid("invalid_identity", "Donnez au moins votre nom, ou restez anonyme.");
        }
        if ((first != null && first.length() > MAX_NAME) || (last != null && last.length() > MAX_NAME)) {
            throw DomainException.invalid("invalid_identity", "Le nom ou le prénom dépasse 100 caractères.");
        }
        return new Qualification.Reporter(first, last, phone(phone), email(email));
    }

    /** A phone number libphonenumber validates (French numbers without the country code), in E.164 form. */
    public static String phone(String value) {
        String phone = blankToNull(value);
        if (phone == null) {
            return null;
        }
        try {
            if (phone.length() <= 40) {
                var number = PHONES.parse(phone, "FR");
                if (PHONES.isValidNumber(number)) {
                    return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
                }
            }
        } catch (NumberParseException e) {
            // refused below
        }
        throw DomainException.invalid("invalid_phone", "Numéro de téléphone invalide.");
    }

    public static String email(String value) {
        String email = blankToNull(value);
        if (email != null
                && (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches())) {
            throw DomainException.invalid("invalid_email", "Adresse électronique invalide.");
        }
        return email;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
