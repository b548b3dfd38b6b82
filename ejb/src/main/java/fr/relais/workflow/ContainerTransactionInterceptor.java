package fr.relais.workflow;

import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.JakartaTransactionInterceptor;

/**
 * In place of Camunda's transaction interceptor: a command that needs a transaction of its own (none
 * on the thread, or "requires new") gets one from the container ({@link EngineTransactions}); inside
 * it, or inside the caller's, Camunda's interceptor only joins (and marks the transaction for rollback
 * on a failure, as before).
 */
final class ContainerTransactionInterceptor extends CommandInterceptor {
    private final boolean requiresNew;
    private final TransactionManager transactionManager;
    private final EngineTransactions transactions;
    private final CommandInterceptor join;

    ContainerTransactionInterceptor(
            boolean requiresNew,
            TransactionManager transactionManager,
            EngineTransactions transactions,
            ProcessEngineConfigurationImpl configuration) {
        this.requiresNew = requiresNew;
        this.transactionManager = transactionManager;
        this.transactions = transactions;
        this.join = new JakartaTransactionInterceptor(transactionManager, false, configuration);
    }

    @Override
    public void setNext(org.camunda.bpm.engine.impl.interceptor.CommandExecutor next) {
        super.setNext(next);
        join.setNext(next);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T execute(Command<T> command) {
        if (!requiresNew && inTransaction()) {
            return join.execute(command);
        }
        EngineTransactions.Outcome outcome = requiresNew
                ? transactions.requiresNew(() -> join.execute(command))
                : transactions.required(() -> join.execute(command));
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        return (T) outcome.value();
    }

    private boolean inTransaction() {
        try {
            return transactionManager.getStatus() != Status.STATUS_NO_TRANSACTION;
        } catch (SystemException e) {
            throw new IllegalStateException("transaction status unknown", e);
        }
    }
}
