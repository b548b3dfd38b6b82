package fr.relais.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.InputStream;
import java.time.Duration;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every path of the report lifecycle, on an in-memory engine with mocked delegates. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = ReportLifecycleTest.MODEL)
class ReportLifecycleTest {

    static final String MODEL = "ReportLifecycle.bpmn";
    private static final String PROCESS_KEY = "ReportLifecycle";
    private static final long CHAT_ID = 4242L;
    private static final long REPORT_ID = 1707L;
    private static final String OPERATOR = "op.bordeaux.12";
    private static final String COMPETENT_UNIT = "CSP-BORDEAUX";
    private static final String NEW_UNIT = "BRIGADE-MERIGNAC";

    ProcessEngine processEngine;

    private final AtomicInteger escalations = new AtomicInteger();
    private final AtomicInteger anonymisations = new AtomicInteger();
    private final AtomicInteger competenceResolutions = new AtomicInteger();

    @BeforeEach
    void registerDelegates() {
        BpmnAwareTests.init(processEngine);
        Mocks.register("escalateTakeChatBreach", (JavaDelegate) execution -> escalations.incrementAndGet());
        Mocks.register("anonymiseReport", (JavaDelegate) execution -> {
            assertThat(execution.getVariable("reportId")).isEqualTo(REPORT_ID);
            anonymisations.incrementAndGet();
        });
        Mocks.register("resolveCompetence", (JavaDelegate) execution -> {
            competenceResolutions.incrementAndGet();
            execution.setVariable("unitCode", COMPETENT_UNIT);
        });
    }

    @AfterEach
    void resetDelegatesAndClock() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void endsWhenTheConversationWasInformationOnly() {
        ProcessInstance chat = startChat("GENERALIST");

        takeChatAndConverse(chat, "INFORMATION");

        assertThat(chat).isEnded().hasPassed("EndEvent_ConversationClosed").hasNotPassed("Task_Qualify");
        assertThat(anonymisations).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"EMERGENCY_REDIRECT", "ABANDONED"})
    void endsOnEmergencyRedirectAndAbandonment(String outcome) {
        ProcessInstance chat = startChat("VSS");

        takeChatAndConverse(chat, outcome);

        assertThat(chat).isEnded().hasPassed("EndEvent_ConversationClosed").hasNotPassed("Task_Qualify");
    }

    @Test
    void aReportGoesThroughQualificationAnonymisationAndReviewToTheUnit() {
        ProcessInstance chat = startChat("GENERALIST");

        assertThat(chat).isWaitingAt("Task_TakeChat");
        assertThat(task()).hasCandidateGroup("platform:GENERALIST");
        complete(task(), withVariables("operator", OPERATOR));

        assertThat(chat).isWaitingAt("Task_HoldConversation");
        assertThat(task()).isAssignedTo(OPERATOR);
        complete(task(), withVariables("conversationOutcome", "REPORT"));

        assertThat(chat).isWaitingAt("Task_Qualify");
        assertThat(task()).isAssignedTo(OPERATOR);
        runtimeService().setVariable(chat.getId(), "reportId", REPORT_ID);
        complete(task());

        assertThat(anonymisations).hasValue(1);
        assertThat(chat).hasPassed("Task_Anonymise").isWaitingAt("Task_ReviewAnonymisation");
        assertThat(task()).isAssignedTo(OPERATOR);
        assertThat(competenceResolutions).hasValue(0);
        complete(task());

        assertThat(competenceResolutions).hasValue(1);
        assertThat(chat).hasPassed("Task_ResolveCompetence").isWaitingAt("Task_AcknowledgeReport");
        assertThat(task()).hasCandidateGroup("unit:" + COMPETENT_UNIT).isNotAssigned();
        assertThat(anonymisations).hasValue(1);
    }

    @Test
    void closesWhenTheUnitAccepts() {
        ProcessInstance chat = startChat("GENERALIST");
        forwardToTheUnit(chat);

        complete(task(), withVariables("unitDecision", "ACCEPTED"));

        assertThat(chat).isEnded().hasPassed("EndEvent_ReportClosed").hasNotPassed("Task_RerouteReport");
    }

    @Test
    void aDeclinedReportGoesToTheSupervisorsForReroutingThenToTheNewUnit() {
        ProcessInstance chat = startChat("VSS");
        forwardToTheUnit(chat);

        complete(task(), withVariables("unitDecision", "DECLINED"));

        assertThat(chat).isWaitingAt("Task_RerouteReport");
        assertThat(task()).hasCandidateGroup("supervisor:VSS");
        complete(task(), withVariables("unitCode", NEW_UNIT));

        assertThat(chat).isWaitingAt("Task_AcknowledgeReport");
        assertThat(task()).hasCandidateGroup("unit:" + NEW_UNIT);
        assertThat(competenceResolutions)
                .as("rerouting is the supervisor's choice")
                .hasValue(1);

        complete(task(), withVariables("unitDecision", "ACCEPTED"));
        assertThat(chat).isEnded().hasPassed("EndEvent_ReportClosed");
    }

    @Test
    void aReportNoUnitCoversGoesStraightToTheSupervisors() {
        Mocks.register("resolveCompetence", (JavaDelegate) execution -> {
            competenceResolutions.incrementAndGet();
            execution.setVariable("unitCode", "UNRESOLVED");
        });
        ProcessInstance chat = startChat("GENERALIST");
        takeChatAndConverse(chat, "REPORT");
        complete(task(), withVariables("reportId", REPORT_ID));
        complete(task());

        assertThat(competenceResolutions).hasValue(1);
        assertThat(chat)
                .hasPassed("Task_ResolveCompetence", "Gateway_CompetenceResolved")
                .hasNotPassed("Task_AcknowledgeReport")
                .isWaitingAt("Task_RerouteReport");
        assertThat(task()).hasCandidateGroup("supervisor:GENERALIST");
        complete(task(), withVariables("unitCode", "CSP-VERSAILLES"));

        assertThat(chat).isWaitingAt("Task_AcknowledgeReport");
        assertThat(task()).hasCandidateGroup("unit:CSP-VERSAILLES");
        assertThat(competenceResolutions)
                .as("rerouting is the supervisor's choice")
                .hasValue(1);
    }

    @Test
    void escalatesWhenNobodyTakesTheChatIn2Minutes() {
        Date requestedAt = new Date(1_767_225_600_000L); // 2026-01-01T00:00:00Z
        ClockUtil.setCurrentTime(requestedAt);
        ProcessInstance chat = startChat("GENERALIST");

        assertThat(chat).isWaitingAt("Task_TakeChat");
        Job breachTimer = job();
        assertThat(breachTimer.getDuedate())
                .isEqualTo(
                        new Date(requestedAt.getTime() + Duration.ofMinutes(2).toMillis()));
        execute(breachTimer);

        assertThat(escalations).hasValue(1);
        assertThat(chat).hasPassed("Task_EscalateTakeChat", "EndEvent_BreachEscalated");
        assertThat(chat).isNotEnded().isWaitingAt("Task_TakeChat");
        assertThat(task()).hasCandidateGroup("platform:GENERALIST");

        complete(task(), withVariables("operator", OPERATOR));
        assertThat(chat).isWaitingAt("Task_HoldConversation");
    }

    @Test
    void takingTheChatInTimeCancelsTheBreachTimer() {
        ProcessInstance chat = startChat("GENERALIST");
        assertThat(chat).isWaitingAt("Task_TakeChat");
        assertThat(jobQuery().count()).isEqualTo(1);

        complete(task(), withVariables("operator", OPERATOR));

        assertThat(jobQuery().count()).isZero();
        assertThat(chat).isWaitingAt("Task_HoldConversation").hasNotPassed("Task_EscalateTakeChat");
        assertThat(escalations).hasValue(0);
    }

    @Test
    void everyProcessKeepsHistoryAndEveryServiceTaskUsesADelegateExpression() {
        BpmnModelInstance model = readModel();

        Collection<Process> processes = model.getModelElementsByType(Process.class);
        assertThat(processes).isNotEmpty().allSatisfy(process -> assertThat(process.getCamundaHistoryTimeToLiveString())
                .as("historyTimeToLive of %s", process.getId())
                .isNotBlank());

        Collection<ServiceTask> serviceTasks = model.getModelElementsByType(ServiceTask.class);
        assertThat(serviceTasks).isNotEmpty().allSatisfy(serviceTask -> {
            assertThat(serviceTask.getCamundaDelegateExpression())
                    .as("delegateExpression of %s", serviceTask.getId())
                    .isNotBlank();
            assertThat(serviceTask.getCamundaClass())
                    .as("class of %s", serviceTask.getId())
                    .isNull();
            assertThat(serviceTask.getCamundaExpression())
                    .as("expression of %s", serviceTask.getId())
                    .isNull();
        });
    }

    @Test
    void everyFlowElementIsDrawnSoTheModelerCanOpenIt() {
        BpmnModelInstance model = readModel();

        List<String> drawn = model.getModelElementsByType(BpmnShape.class).stream()
                .map(BpmnShape::getBpmnElement)
                .map(BaseElement::getId)
                .toList();
        List<String> drawnFlows = model.getModelElementsByType(BpmnEdge.class).stream()
                .map(BpmnEdge::getBpmnElement)
                .map(BaseElement::getId)
                .toList();

        assertThat(model.getModelElementsByType(FlowElement.class)).isNotEmpty().allSatisfy(element -> assertThat(
                        drawn.contains(element.getId()) || drawnFlows.contains(element.getId()))
                .as("%s has a shape or an edge", element.getId())
                .isTrue());
    }

    private ProcessInstance startChat(String platform) {
        return runtimeService()
                .startProcessInstanceByKey(
                        PROCESS_KEY, String.valueOf(CHAT_ID), withVariables("chatId", CHAT_ID, "platform", platform));
    }

    private void takeChatAndConverse(ProcessInstance chat, String outcome) {
        assertThat(chat).isWaitingAt("Task_TakeChat");
        complete(task(), withVariables("operator", OPERATOR));
        assertThat(chat).isWaitingAt("Task_HoldConversation");
        complete(task(), withVariables("conversationOutcome", outcome));
    }

    private void forwardToTheUnit(ProcessInstance chat) {
        takeChatAndConverse(chat, "REPORT");
        complete(task(), withVariables("reportId", REPORT_ID));
        complete(task());
        assertThat(chat).isWaitingAt("Task_AcknowledgeReport");
        assertThat(task()).hasCandidateGroup("unit:" + COMPETENT_UNIT);
    }

    private static BpmnModelInstance readModel() {
        InputStream stream = ReportLifecycleTest.class.getClassLoader().getResourceAsStream(MODEL);
        assertThat(stream).as(MODEL + " on the classpath").isNotNull();
        return Bpmn.readModelFromStream(stream);
    }
}
