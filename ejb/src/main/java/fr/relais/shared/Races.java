package fr.relais.shared;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;

/**
 * Whether a failure says that a transaction lost a race with another one and was rolled back whole:
 * MariaDB chose it as a deadlock's victim (1213, SQLState 40001) or it waited too long for a row lock
 * (1205), the process engine found a row it meant to change already changed (its
 * {@code OptimisticLockingException}, which {@code Workflow} reports as {@link
 * DomainException#CONCURRENT_UPDATE}), or JPA's own lock failures. Such work is worth running again:
 * the other transaction has usually committed by then. Used by the API's retry and by the engine's
 * jobs.
 */
public final class Races {
    private Races() {}

    public static boolean lostARace(Throwable thrown) {
        int depth = 0;
        for (Throwable t = thrown; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof DomainException e && DomainException.CONCURRENT_UPDATE.equals(e.code())) {
                return true;
            }
            if (t instanceof SQLTransactionRollbackException) {
                return true;
            }
            if (t instanceof SQLException e
                    && ("40001".equals(e.getSQLState()) || e.getErrorCode() == 1213 || e.getErrorCode() == 1205)) {
                return true;
            }
            String type = t.getClass().getName();
            if (type.equals("org.camunda.bpm.engine.OptimisticLockingException")
                    || type.equals("jakarta.persistence.OptimisticLockException")
                    || type.equals("org.eclipse.persistence.exceptions.OptimisticLockException")
                    || type.equals("jakarta.persistence.PessimisticLockException")
                    || type.equals("jakarta.persistence.LockTimeoutException")) {
                return true;
            }
            // the engine read an execution whose parent a concurrent transaction had just removed (read
            // committed, no lock on the tree): ENGINE-03077 "Cannot resolve parent … perhaps it was
            // deleted in the meantime"; run again, it reads the new tree
            if (type.equals("org.camunda.bpm.engine.ProcessEngineException")
                    && t.getMessage() != null
                    && t.getMessage().startsWith("ENGINE-03077")) {
                return true;
            }
        }
        return false;
    }
}
