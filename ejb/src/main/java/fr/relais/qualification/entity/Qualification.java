package fr.relais.qualification.entity;

import fr.relais.shared.DomainException;
import java.time.Instant;
import java.util.regex.Pattern;

/** What the operator qualifies: the facts, where and when, and the reporter's wishes. */
public record Qualification(
        Category category,
        String postalCode,
        String commune,
        Instant factsAt,
        Urgency urgency,
        boolean dangerNow,
        boolean victimMinor,
        boolean anonymous,
        boolean contactConsent,
        String narrative,
        Reporter reporter) {

    public static final int MAX_NARRATIVE = 20_000;
    public static final int MAX_VALIDATION_COMMENT = 2_000;
    private static final Pattern POSTAL_CODE = Pattern.compile("\\d{5}");

    /** Identity fields the reporter gave; all optional. */
    public record Reporter(String firstName, String lastName, String phone, String email) {
        public static final Reporter NONE = new Reporter(null, null, null, null);
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
        if (postalCode == null || !POSTAL_CODE.matcher(postalCode).matches()) {
            throw DomainException.invalid("invalid_postal_code", "Le code postal doit comporter 5 chiffres.");
        }
        if (commune == null || commune.isBlank() || commune.length() > 100) {
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
        if (factsAt != null && factsAt.isAfter(Instant.now().plusSeconds(300))) {
            throw DomainException.invalid("invalid_facts_at", "La date des faits est dans le futur.");
        }
        if (reporter != null) {
            checkLength(reporter.firstName(), 100);
            checkLength(reporter.lastName(), 100);
            checkLength(reporter.phone(), 40);
            checkLength(reporter.email(), 200);
        }
        return this;
    }

    private static void checkLength(String value, int max) {
        if (value != null && value.length() > max) {
            throw DomainException.invalid("invalid_reporter", "Un champ d'identité est trop long.");
        }
    }
}
