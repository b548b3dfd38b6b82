package fr.relais.workflow;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.function.Supplier;

/**
 * The container-managed transactions the engine's commands run in when no transaction is there yet
 * (the job executor's threads, the engine's start): a transaction the container begins enlists the
 * datasource's connection, so the command's statements run with autocommit off and commit once. A
 * transaction begun by Camunda itself through the TransactionManager did not: its connection stayed in
 * autocommit and each statement committed alone (measured: {@code EngineIT}, README "One transaction,
 * one commit (checked)").
 *
 * <p>A failure marks the transaction for rollback and comes back as is (not wrapped in an
 * EJBException), for the engine to tell a lost race from a failing job.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class EngineTransactions {
    @Resource
    SessionContext context;

    public Outcome required(Supplier<?> work) {
        return run(work);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Outcome requiresNew(Supplier<?> work) {
        return run(work);
    }

    private Outcome run(Supplier<?> work) {
        try {
            return new Outcome(work.get(), null);
        } catch (RuntimeException e) {
            context.setRollbackOnly();
            return new Outcome(null, e);
        }
    }

    /** The work's result, or the exception it threw (its transaction then rolled back). */
    public record Outcome(Object value, RuntimeException failure) {}
}
