package fr.relais.anonymisation.control;

import java.util.List;

public record AnonymisationResult(String text, List<Redaction> redactions) {

    public AnonymisationResult {
        redactions = List.copyOf(redactions);
    }
}
