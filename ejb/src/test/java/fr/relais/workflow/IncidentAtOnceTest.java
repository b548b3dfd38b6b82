package fr.relais.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.shared.DomainException;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The engine's failed-job handling as Relais configures it, on the delivery model: a permanent failure
 * is an incident at once, which the facade lists and retries; any other failure follows the retry cycle.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "Delivery.bpmn")
class IncidentAtOnceTest {
    ProcessEngine processEngine;
    Workflow workflow;
    private FailedJobCommandFactory standard;
    private final AtomicInteger attempts = new AtomicInteger();
    private volatile RuntimeException failure;

    @BeforeEach
    void configureAsTheBootstrapDoes() {
        ProcessEngine engine = processEngine;
        var config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        standard = config.getFailedJobCommandFactory();
        config.setFailedJobCommandFactory(new IncidentAtOnce(new RacesRunAgain()));
        workflow = new Workflow();
        workflow.bootstrap = new ProcessEngineBootstrap() {
            @Override
            public ProcessEngine engine() {
                return engine;
            }
        };
        Mocks.register("deliverToUnit", (JavaDelegate) execution -> {
            attempts.incrementAndGet();
            if (failure != null) {
                throw failure;
            }
        });
    }

    @AfterEach
    void restore() {
        ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
                .setFailedJobCommandFactory(standard);
        Mocks.reset();
    }

    @Test
    void aPermanentFailureIsAnIncidentAtOnceThatTheFacadeListsAndRetries() {
        failure = new PermanentFailure("delivery 7 refused: HTTP_400");
        String process = workflow.startDelivery(7L, 70L, "GENDARMERIE-09");

        assertThatThrownBy(() -> execute(process)).hasMessageContaining("HTTP_400");

        assertThat(job(process).getRetries()).as("no retry cycle").isZero();
        assertThat(workflow.stuck(ProcessVariables.DELIVERY)).singleElement().satisfies(stuck -> {
            assertThat(stuck.processInstanceId()).isEqualTo(process);
            assertThat(stuck.message()).contains("HTTP_400");
            assertThat(stuck.since()).isNotNull();
        });

        failure = null;
        workflow.retryFailedJob(process);
        assertThat(workflow.stuck(ProcessVariables.DELIVERY)).isEmpty();
        execute(process);

        assertThat(attempts).hasValue(2);
        assertThat(processEngine
                        .getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceId(process)
                        .count())
                .as("delivered: the process ended")
                .isZero();
    }

    @Test
    void anyOtherFailureSpendsOneRetryOfTheCycle() {
        failure = new IllegalStateException("delivery 8 not delivered: HTTP_503");
        String process = workflow.startDelivery(8L, 80L, "GENDARMERIE-19");

        assertThatThrownBy(() -> execute(process)).hasMessageContaining("HTTP_503");

        assertThat(job(process).getRetries()).isPositive();
        assertThat(workflow.stuck(ProcessVariables.DELIVERY)).isEmpty();
        assertThatThrownBy(() -> workflow.retryFailedJob(process))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT));
    }

    @Test
    void aDeliveryThatMustWaitForACallRunsAgainInAMomentWithItsRetriesUntouched() {
        failure = new RunLater("delivery 9: this node's calls to units' systems are all in flight");
        String process = workflow.startDelivery(9L, 90L, "GENDARMERIE-48");
        int retries = job(process).getRetries();

        assertThatThrownBy(() -> execute(process)).hasMessageContaining("in flight");

        Job job = job(process);
        assertThat(job.getRetries()).isEqualTo(retries);
        assertThat(job.getExceptionMessage()).as("not recorded as a failure").isNull();
        assertThat(job.getDuedate())
                .isAfter(ClockUtil.getCurrentTime())
                .isBefore(new Date(ClockUtil.getCurrentTime().getTime() + 3_001));
        assertThat(workflow.stuck(ProcessVariables.DELIVERY)).isEmpty();
    }

    private void execute(String process) {
        processEngine.getManagementService().executeJob(job(process).getId());
    }

    private Job job(String process) {
        return processEngine
                .getManagementService()
                .createJobQuery()
                .processInstanceId(process)
                .singleResult();
    }
}
