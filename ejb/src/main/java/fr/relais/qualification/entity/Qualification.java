package fr.relais.qualification.entity;

import fr.relais.anonymisation.control.ReporterIdentity;
import fr.relais.shared.DomainException;
import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * What the operator qualifies: the facts, where and when, and the reporter's wishes. The place is
 * given by {@code communeInsee} (the INSEE code of the official list; the postal code then optional
 * when the commune has only one) or by {@code commune} name and {@code postalCode}; it is checked
 * against the list by the qualification boundary, which stores the INSEE code it resolves. {@code
 * when} the facts happened is mandatory (a moment, a period or explicitly unknown), told in the time of
 * the place's department (see {@link FactsTime}).
 */
public record Qualification(
        Category category,
        String postalCode,
        String commune,
        FactsTime when,
        Urgency urgency,
        boolean dangerNow,
        boolean victimMinor,
        boolean anonymous,
        boolean contactConsent,
        String narrative,
        Reporter reporter,
        String communeInsee) {

    /** A qualification naming its place by name and postal code. */
    public Qualification(
            Category category,
            String postalCode,
            String commune,
            FactsTime when,
            Urgency urgency,
            boolean dangerNow,
            boolean victimMinor,
            boolean anonymous,
            boolean contactConsent,
            String narrative,
            Reporter reporter) {
        this(
                category,
                postalCode,
                commune,
                when,
                urgency,
                dangerNow,
                victimMinor,
                anonymous,
                contactConsent,
                narrative,
                reporter,
                null);
    }

    public static final int MAX_NARRATIVE = 20_000;
    public static final int MAX_VALIDATION_COMMENT = 2_000;
    private static final Pattern POSTAL_CODE = Pattern.compile("\\d{5}");

    /** Identity fields the reporter gave; all optional. */
    public record Reporter(String firstName, String lastName, String phone, String email) implements Serializable {
        public static final Reporter NONE = new Reporter(null, null, null, null);

        /** What the anonymisation engine redacts of this reporter wherever it appears. */
        public ReporterIdentity identity() {
            return new ReporterIdentity(firstName, lastName, phone, email, null);
        }
    }

    /** Whether the operator judged the situation urgent (the highest urgency). */
    public boolean urgent() {
        return urgency == Urgency.HIGH;
    }

    /** Refuses what cannot be forwarded, with a message the operator can act on. */
    public Qualification validated() {
        if (category == null) {
            throw DomainException.invalid("invalid_category", "La nature des faits est obligatoire.");
        }
        boolean byInsee = communeInsee != null && !communeInsee.isBlank();
        if (byInsee && communeInsee.length() > 5) {
            throw DomainException.invalid("invalid_commune", "Code INSEE de commune invalide.");
        }
        if ((!byInsee || (postalCode != null && !postalCode.isBlank()))
                && (postalCode == null || !POSTAL_CODE.matcher(postalCode).matches())) {
            throw DomainException.invalid("invalid_postal_code", "Le code postal doit comporter 5 chiffres.");
        }
        if (!byInsee && (commune == null || commune.isBlank() || commune.length() > 100)) {
            throw DomainException.invalid("invalid_commune", "La commune est obligatoire (100 caractères au plus).");
        }
        if (urgency == null) {
            throw DomainException.invalid("invalid_urgency", "L'urgence (faible, normale, élevée) est obligatoire.");
        }
        if (narrative == null || narrative.isBlank()) {
            throw DomainException.invalid("invalid_narrative", "Le récit des faits est obligatoire.");
        }
        if (narrative.length() > MAX_NARRATIVE) {
            throw DomainException.invalid("narrative_too_long", "Le récit dépasse 20 000 caractères.");
        }
        FactsTime.required(when);
        if (reporter != null) {
            checkLength(reporter.firstName(), 100);
            checkLength(reporter.lastName(), 100);
            checkLength(reporter.phone(), 40);
            checkLength(reporter.email(), 200);
        }
        return this;
    }

    /** The same qualification at a place checked against the official list. */
    public Qualification at(String insee, String communeName, String postal) {
        return new Qualification(
                category,
                postal,
                communeName,
                when,
                urgency,
                dangerNow,
                victimMinor,
                anonymous,
                contactConsent,
                narrative,
                reporter,
                insee);
    }

    private static void checkLength(String value, int max) {
        if (value != null && value.length() > max) {
            throw DomainException.invalid("invalid_reporter", "Un champ d'identité est trop long.");
        }
    }
}
