package fr.relais.workflow;

/**
 * Thrown by a delegate that cannot do its work now for a reason of this node's (its share of some
 * resource is taken): the job runs again in a few seconds with its retries untouched, like a job that
 * lost a race ({@link RacesRunAgain}).
 */
public class RunLater extends RuntimeException {
    public RunLater(String message) {
        super(message);
    }

    /** Whether {@code thrown} or one of its causes asks to run later. */
    static boolean in(Throwable thrown) {
        int depth = 0;
        for (Throwable t = thrown; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof RunLater) {
                return true;
            }
        }
        return false;
    }
}
