package fr.relais.qualification.boundary;

import fr.relais.qualification.entity.CitizenStatement;
import fr.relais.qualification.entity.Qualification;
import java.io.Serializable;
import java.time.Instant;

/**
 * What the citizen stated on the public form, as the platform's staff read it beside the
 * qualification: never sent to a unit (the unit gets the qualified, reviewed report).
 */
public record Statement(
        String category,
        String communeInsee,
        String commune,
        String postalCode,
        String place,
        String when,
        Instant factsAt,
        String narrative,
        boolean anonymous,
        Qualification.Reporter reporter,
        Instant submittedAt)
        implements Serializable {

    static Statement of(CitizenStatement s) {
        return s == null
                ? null
                : new Statement(
                        s.category().name(),
                        s.communeInsee(),
                        s.commune(),
                        s.postalCode(),
                        s.place(),
                        s.factsStated(),
                        s.factsAt(),
                        s.narrative(),
                        s.anonymous(),
                        s.reporter(),
                        s.submittedAt());
    }
}
