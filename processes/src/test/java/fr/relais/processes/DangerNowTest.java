package fr.relais.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
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

/** Every path of a danger-now request, on an in-memory engine with a mocked escalation delegate. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = Models.DANGER_NOW)
class DangerNowTest {
    private static final long REQUEST_ID = 77L;
    private static final long CHAT_ID = 4242L;
    private static final String DESK = "CSP-GUYANCOURT";

    ProcessEngine processEngine;

    private final List<Object> escalated = new ArrayList<>();

    @BeforeEach
    void registerDelegates() {
        BpmnAwareTests.init(processEngine);
        Mocks.register("escalateDangerNow", (JavaDelegate)
                execution -> escalated.add(execution.getVariable("dangerRequestId")));
    }

    @AfterEach
    void resetDelegatesAndClock() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void waitsForTheCompetentUnitsDeskOnly() {
        ProcessInstance request = raise();

        assertThat(request).isWaitingAt("Task_AcknowledgeDangerNow");
        assertThat(task(request)).hasCandidateGroup("unit:" + DESK).isNotAssigned();
        assertThat(processEngine
                        .getTaskService()
                        .createTaskQuery()
                        .taskCandidateGroup("unit:CSP-VERSAILLES")
                        .count())
                .isZero();
    }

    @Test
    void endsWhenTheDeskAcknowledgesInTimeWithoutAlertingTheSupervisors() {
        ProcessInstance request = raise();
        assertThat(jobQuery().activityId("Timer_DangerNowNotAcknowledged").count())
                .isEqualTo(1);

        complete(task(request));

        assertThat(request)
                .isEnded()
                .hasPassed("EndEvent_DangerNowAcknowledged")
                .hasNotPassed("Task_EscalateDangerNow");
        assertThat(jobQuery().count()).as("the timer is cancelled").isZero();
        assertThat(escalated).isEmpty();
    }

    @Test
    void alertsTheSupervisorsWhenTheDeskHasNotAcknowledgedWithin5MinutesAndStillWaitsForIt() {
        Date raisedAt = new Date(1_767_225_600_000L); // 2026-01-01T00:00:00Z
        ClockUtil.setCurrentTime(raisedAt);
        ProcessInstance request = raise();

        Job timer = jobQuery().activityId("Timer_DangerNowNotAcknowledged").singleResult();
        assertThat(timer.getDuedate())
                .isEqualTo(new Date(raisedAt.getTime() + Duration.ofMinutes(5).toMillis()));

        execute(timer);

        assertThat(escalated).containsExactly(REQUEST_ID);
        assertThat(request)
                .hasPassed("Task_EscalateDangerNow", "EndEvent_DangerNowEscalated")
                .isNotEnded()
                .isWaitingAt("Task_AcknowledgeDangerNow");
        assertThat(task(request)).hasCandidateGroup("unit:" + DESK);

        complete(task(request));
        assertThat(request).isEnded().hasPassed("EndEvent_DangerNowAcknowledged");
        assertThat(escalated).as("escalated once").hasSize(1);
    }

    private ProcessInstance raise() {
        return runtimeService()
                .startProcessInstanceByKey(
                        "DangerNow",
                        String.valueOf(REQUEST_ID),
                        withVariables(
                                "dangerRequestId", REQUEST_ID,
                                "chatId", CHAT_ID,
                                "platform", "GENERALIST",
                                "unitCode", DESK));
    }
}
