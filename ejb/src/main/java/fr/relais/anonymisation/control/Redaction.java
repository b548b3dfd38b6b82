package fr.relais.anonymisation.control;

/**
 * One replaced span: offsets point into the original text, and the raw value is deliberately absent so that a
 * redaction list can travel with the anonymised text.
 */
public record Redaction(EntityType type, int start, int end, String replacement) {}
