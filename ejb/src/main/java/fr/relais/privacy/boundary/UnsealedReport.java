package fr.relais.privacy.boundary;

import fr.relais.qualification.entity.Qualification;
import java.io.Serializable;

/**
 * A report's originals as unsealed for a supervisor or an auditor, with a reason that was recorded:
 * the narrative as told, the reporter's identity, and for a report received by the public form what the
 * citizen stated there. {@code sealed} says whether they came from the seal or were not sealed yet.
 */
public record UnsealedReport(
        long id,
        String reference,
        Long chatId,
        boolean sealed,
        String narrative,
        Qualification.Reporter reporter,
        String statedNarrative,
        String statedPlace,
        Qualification.Reporter statedReporter)
        implements Serializable {}
