package fr.relais.qualification.boundary;

import fr.relais.qualification.entity.CitizenStatement;
import fr.relais.qualification.entity.Report;
import java.io.Serializable;
import java.time.Instant;

/** A report received by the public form that no operator has checked yet, as its platform's operators list it. */
public record FormReportCase(
        long id, String reference, String category, String commune, String postalCode, Instant submittedAt)
        implements Serializable {

    static FormReportCase of(Report r, CitizenStatement s) {
        return new FormReportCase(
                r.id(), r.reference(), s.category().name(), s.commune(), s.postalCode(), s.submittedAt());
    }
}
