package fr.relais.anonymisation.control;

/** A piece of personal data found in a text; {@code start} and {@code end} are UTF-16 offsets, end exclusive. */
public record DetectedEntity(EntityType type, int start, int end, String value) {

    public int length() {
        return end - start;
    }

    boolean overlaps(DetectedEntity other) {
        return start < other.end && other.start < end;
    }
}
