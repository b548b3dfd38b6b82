package fr.relais.workflow;

/**
 * Thrown by a delegate when retrying cannot help (a unit's system refusing a delivery with a 4xx, say):
 * the engine does not spend its retry cycle on it, the job becomes an incident at once, for an admin
 * to look at and retry once the cause is fixed.
 */
public class PermanentFailure extends RuntimeException {
    public PermanentFailure(String message) {
        super(message);
    }

    /** Whether {@code thrown} or one of its causes is a permanent failure. */
    static boolean in(Throwable thrown) {
        int depth = 0;
        for (Throwable t = thrown; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof PermanentFailure) {
                return true;
            }
        }
        return false;
    }
}
