package fr.relais.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every path of a delivery to a unit's system, on an in-memory engine with a scripted delivery delegate. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = Models.DELIVERY)
class DeliveryTest {
    private static final long DELIVERY_ID = 31L;
    private static final Date START = new Date(1_767_225_600_000L); // 2026-01-01T00:00:00Z
    /** The retry cycle of Task_DeliverToUnit, after the first attempt. */
    private static final List<Duration> CYCLE = List.of(
            Duration.ofSeconds(10),
            Duration.ofSeconds(10),
            Duration.ofSeconds(30),
            Duration.ofMinutes(1),
            Duration.ofMinutes(5),
            Duration.ofMinutes(15),
            Duration.ofHours(1));

    ProcessEngine processEngine;

    /** How many attempts fail before the unit's system answers (Integer.MAX_VALUE: never). */
    private int failures;

    private final List<Object> attempts = new ArrayList<>();

    @BeforeEach
    void registerDelegates() {
        BpmnAwareTests.init(processEngine);
        ClockUtil.setCurrentTime(START);
        Mocks.register("deliverToUnit", (JavaDelegate) execution -> {
            attempts.add(execution.getVariable("deliveryId"));
            if (attempts.size() <= failures) {
                throw new IllegalStateException("HTTP_503");
            }
        });
    }

    @AfterEach
    void resetDelegatesAndClock() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void deliversAsAJobAfterTheForwardingCommits() {
        ProcessInstance delivery = start();

        assertThat(delivery).isWaitingAt("Task_DeliverToUnit");
        assertThat(attempts).as("nothing sent in the forwarding's transaction").isEmpty();

        managementService().executeJob(job().getId());

        assertThat(attempts).containsExactly(DELIVERY_ID);
        assertThat(delivery).isEnded().hasPassed("EndEvent_Delivered");
    }

    @Test
    void retriesOnTheCycleWithLongerWaitsThenDelivers() {
        failures = 3;
        ProcessInstance delivery = start();

        for (int i = 0; i < 3; i++) {
            Date before = ClockUtil.getCurrentTime();
            failOnce();
            Job job = job();
            assertThat(job.getDuedate())
                    .as("attempt %d is retried after %s", i + 1, CYCLE.get(i))
                    .isEqualTo(new Date(before.getTime() + CYCLE.get(i).toMillis()));
            ClockUtil.setCurrentTime(job.getDuedate());
        }
        managementService().executeJob(job().getId());

        assertThat(attempts).hasSize(4);
        assertThat(delivery).isEnded().hasPassed("EndEvent_Delivered");
    }

    @Test
    void becomesAnIncidentAfterTheLastRetryAndAnAdminsRetryDeliversIt() {
        failures = Integer.MAX_VALUE;
        ProcessInstance delivery = start();

        for (Duration wait : CYCLE) {
            failOnce();
            assertThat(job().getRetries()).isPositive();
            ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + wait.toMillis()));
        }
        failOnce();

        assertThat(attempts)
                .as("the first attempt and one per step of the cycle")
                .hasSize(CYCLE.size() + 1);
        assertThat(job().getRetries()).isZero();
        assertThat(runtimeService()
                        .createIncidentQuery()
                        .processInstanceId(delivery.getId())
                        .singleResult()
                        .getIncidentMessage())
                .isEqualTo("HTTP_503");
        assertThat(delivery).isWaitingAt("Task_DeliverToUnit");

        // what Workflow.retryFailedJob does for the admin, once the unit's system is back
        failures = 0;
        attempts.clear();
        managementService().setJobRetries(job().getId(), 1);
        managementService().setJobDuedate(job().getId(), ClockUtil.getCurrentTime());
        assertThat(runtimeService().createIncidentQuery().count()).isZero();
        managementService().executeJob(job().getId());

        assertThat(attempts).hasSize(1);
        assertThat(delivery).isEnded().hasPassed("EndEvent_Delivered");
    }

    private void failOnce() {
        Job job = job();
        assertThatThrownBy(() -> managementService().executeJob(job.getId())).hasMessageContaining("HTTP_503");
    }

    private Job job() {
        return jobQuery().activityId("Task_DeliverToUnit").singleResult();
    }

    private ProcessInstance start() {
        return runtimeService()
                .startProcessInstanceByKey(
                        "Delivery",
                        String.valueOf(DELIVERY_ID),
                        withVariables("deliveryId", DELIVERY_ID, "reportId", 5L, "unitCode", "CSP-GUYANCOURT"));
    }
}
