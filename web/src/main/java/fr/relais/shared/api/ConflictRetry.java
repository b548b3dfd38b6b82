package fr.relais.shared.api;

import fr.relais.shared.Races;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a call again when its transaction lost a race: MariaDB chose it as a deadlock's victim (1213,
 * SQLState 40001) or it waited too long for a row lock (1205), or the process engine found a row it
 * meant to change already changed ({@code OptimisticLockingException}, which {@code Workflow} reports as
 * the conflict {@code concurrent_update}). Such a transaction was rolled back whole, so nothing of it is
 * stored; a second try usually finds the other transaction committed (a job ending a parallel branch
 * while a unit takes the report over, say) and succeeds. After {@link #ATTEMPTS} tries the last failure
 * goes out as it is (409 {@code concurrent_update}, or 500).
 *
 * <p>Only the outermost call retries: a resource calling another intercepted bean does not multiply
 * the tries.
 */
@RetriedOnConflict
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class ConflictRetry {
    static final int ATTEMPTS = 4;
    private static final Logger LOG = Logger.getLogger(ConflictRetry.class.getName());
    private static final ThreadLocal<Boolean> RUNNING = new ThreadLocal<>();

    @AroundInvoke
    public Object retry(InvocationContext call) throws Exception {
        if (RUNNING.get() != null) {
            return call.proceed();
        }
        RUNNING.set(Boolean.TRUE);
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return call.proceed();
                } catch (Exception e) {
                    if (attempt >= ATTEMPTS || !lostARace(e)) {
                        throw e;
                    }
                    LOG.log(Level.FINE, "Transaction of {0} lost a race (try {1}); running it again", new Object[] {
                        call.getMethod(), attempt
                    });
                    Thread.sleep(ThreadLocalRandom.current().nextLong(5, 25L * attempt));
                }
            }
        } finally {
            RUNNING.remove();
        }
    }

    /** Whether {@code thrown} says the transaction was rolled back because another one won a race. */
    static boolean lostARace(Throwable thrown) {
        return Races.lostARace(thrown);
    }
}
