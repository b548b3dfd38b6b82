package fr.relais.shared.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.shared.DomainException;
import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

class ConflictRetryTest {
    @Test
    void aDeadlockOrAnEngineConflictIsARaceLostWhereverItIsWrapped() {
        assertThat(ConflictRetry.lostARace(new EJBTransactionRolledbackException(
                        "rolled back",
                        new RuntimeException(new ProcessEngineException(
                                new SQLTransactionRollbackException("Deadlock found", "40001", 1213))))))
                .isTrue();
        assertThat(ConflictRetry.lostARace(new RuntimeException(new SQLException("Lock wait timeout", "HY000", 1205))))
                .isTrue();
        assertThat(ConflictRetry.lostARace(new OptimisticLockingException("changed")))
                .isTrue();
        assertThat(ConflictRetry.lostARace(DomainException.concurrentUpdate())).isTrue();
        assertThat(ConflictRetry.lostARace(new ProcessEngineException("ENGINE-03077 Cannot resolve parent with id"
                        + " 'a' of execution 'b', perhaps it was deleted in the meantime")))
                .as("the execution tree changed under the command")
                .isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(ConflictRetry.lostARace(DomainException.conflict("step_not_open", "x")))
                .isFalse();
        assertThat(ConflictRetry.lostARace(new SQLException("Duplicate entry", "23000", 1062)))
                .isFalse();
        assertThat(ConflictRetry.lostARace(new IllegalStateException())).isFalse();
        assertThat(ConflictRetry.lostARace(new ProcessEngineException("ENGINE-01009 Error while parsing")))
                .isFalse();
    }

    @Test
    void aLostRaceIsRunAgainUntilItSucceedsAndOtherFailuresGoOutAtOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Object result = new ConflictRetry().retry(call(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new EJBTransactionRolledbackException("x", DomainException.concurrentUpdate());
            }
            return "done";
        }));
        assertThat(result).isEqualTo("done");
        assertThat(calls).hasValue(3);

        calls.set(0);
        assertThatThrownBy(() -> new ConflictRetry().retry(call(() -> {
                    calls.incrementAndGet();
                    throw DomainException.invalid("invalid_x", "x");
                })))
                .isInstanceOf(DomainException.class);
        assertThat(calls).hasValue(1);

        calls.set(0);
        assertThatThrownBy(() -> new ConflictRetry().retry(call(() -> {
                    calls.incrementAndGet();
                    throw DomainException.concurrentUpdate();
                })))
                .isInstanceOf(DomainException.class);
        assertThat(calls).as("gives up after a few tries").hasValue(ConflictRetry.ATTEMPTS);
    }

    private static InvocationContext call(Callable<Object> body) {
        return new InvocationContext() {
            @Override
            public Object proceed() throws Exception {
                return body.call();
            }

            @Override
            public Object getTarget() {
                return null;
            }

            @Override
            public Object getTimer() {
                return null;
            }

            @Override
            public Method getMethod() {
                return null;
            }

            @Override
            public Constructor<?> getConstructor() {
                return null;
            }

            @Override
            public Object[] getParameters() {
                return new Object[0];
            }

            @Override
            public void setParameters(Object[] params) {}

            @Override
            public Map<String, Object> getContextData() {
                return Map.of();
            }
        };
    }
}
