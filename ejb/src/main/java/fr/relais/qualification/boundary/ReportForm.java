package fr.relais.qualification.boundary;

/**
 * What a citizen sends with the public report form (no account). The place: {@code communeInsee}
 * (the postal code then only needed when the commune has several), or {@code commune} and {@code
 * postalCode}. {@code when}: {@code unknown}, a date ({@code 2026-11-27}) or a date and a time
 * ({@code 2026-11-27T21:30}) at the place of the facts. {@code anonymous} is true unless the citizen
 * explicitly chose to give their identity (then {@code lastName} at least); contact is optional.
 */
public record ReportForm(
        String category,
        String communeInsee,
        String commune,
        String postalCode,
        String place,
        String when,
        String narrative,
        Boolean anonymous,
        String firstName,
        String lastName,
        String phone,
        String email) {}
