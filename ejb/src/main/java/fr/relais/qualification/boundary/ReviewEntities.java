package fr.relais.qualification.boundary;

import java.util.List;

/**
 * What the operator decides at review, entity by entity: the outgoing narrative as stored, the entities
 * the anonymisation engine finds in the original (each redacted, released, or gone from the outgoing text
 * by a hand correction) and those the operator added by selecting text.
 */
public record ReviewEntities(long reportId, String outgoing, List<Entity> entities) {

    public enum State {
        /** Its placeholder is in the outgoing text. */
        REDACTED,
        /** Its value is in the outgoing text, its placeholder is not: released by the operator. */
        RELEASED,
        /** Neither: a hand correction took it out. */
        REMOVED
    }

    /**
     * One entity of the original: {@code index} (what a release refers to), {@code type} (an {@code
     * EntityType} name), its French label, its place in the original ({@code start}, {@code end}, UTF-16
     * offsets, end exclusive), its value and its placeholder.
     */
    public record Entity(
            int index, String type, String label, int start, int end, String value, String placeholder, State state)
            implements java.io.Serializable {}

    public ReviewEntities {
        entities = List.copyOf(entities);
    }
}
