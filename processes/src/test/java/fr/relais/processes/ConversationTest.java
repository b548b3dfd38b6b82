package fr.relais.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every path of a conversation, on an in-memory engine with mocked delegates. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = Models.CONVERSATION)
class ConversationTest {
    private static final long CHAT_ID = 4242L;
    private static final String OPERATOR = "op.bordeaux.12";

    ProcessEngine processEngine;

    private final DelayRecorder delays = new DelayRecorder();
    private final SilenceStub silence = new SilenceStub();

    /**
     * The citizenSilence bean and checkCitizenSilence delegate as the model calls them: the time left
     * before the silence timer is due, and whether the citizen is still silent when it fires.
     */
    public static final class SilenceStub implements JavaDelegate {
        public String remaining = "PT15M";
        boolean silent = true;
        int checks;

        public String remaining(Object chatId) {
            return remaining;
        }

        @Override
        public void execute(DelegateExecution execution) {
            checks++;
            execution.setVariable("citizenSilent", silent);
            if (silent) {
                execution.setVariable("conversationOutcome", "ABANDONED");
            }
        }
    }

    /** The recordTakeChatDelay delegate as the model calls it: records the step its field names. */
    static final class DelayRecorder implements JavaDelegate {
        final List<String> steps = new ArrayList<>();
        private Expression step;

        @Override
        public void execute(DelegateExecution execution) {
            steps.add((String) step.getValue(execution));
        }
    }

    @BeforeEach
    void registerDelegates() {
        BpmnAwareTests.init(processEngine);
        Mocks.register("recordTakeChatDelay", delays);
        Mocks.register("citizenSilence", silence);
        Mocks.register("checkCitizenSilence", silence);
    }

    @AfterEach
    void resetDelegatesAndClock() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @ParameterizedTest
    @CsvSource({
        "INFORMATION, EndEvent_InformationGiven",
        "EMERGENCY_REDIRECT, EndEvent_EmergencyRedirected",
        "ABANDONED, EndEvent_Abandoned",
        "REPORT, EndEvent_ClosedAfterReport",
        "SPAM, EndEvent_ClosedAsSpam"
    })
    void endsWithTheOutcomeTheOperatorChose(String outcome, String endEvent) {
        ProcessInstance chat = startChat("GENERALIST");

        takeChatAndConverse(chat, outcome);
        assertThat(chat).isWaitingAt("Gateway_ConversationOutcome");
        assertThat(Models.runJob(managementService(), chat.getId())).isNull();

        assertThat(chat).isEnded().hasPassed(endEvent);
    }

    @Test
    void goesOnAfterAReportIsMadeDuringIt() {
        ProcessInstance chat = startChat("VSS");
        complete(task(chat), withVariables("operator", OPERATOR));

        runtimeService()
                .createMessageCorrelation("Message_ReportMade")
                .processInstanceId(chat.getId())
                .correlate();

        assertThat(chat).hasPassed("EndEvent_ReportOpened").isWaitingAt("Task_HoldConversation");
        assertThat(task(chat)).isAssignedTo(OPERATOR);

        complete(task(chat), withVariables("conversationOutcome", "REPORT"));
        Models.runJob(managementService(), chat.getId());
        assertThat(chat).isEnded().hasPassed("EndEvent_ClosedAfterReport");
    }

    @Test
    void anOutcomeNoFlowExpectsBecomesAnIncidentNotASilentBranch() {
        ProcessInstance chat = startChat("GENERALIST");

        takeChatAndConverse(chat, "NOT_AN_OUTCOME");
        assertThat(chat).as("the operator's request itself commits").isWaitingAt("Gateway_ConversationOutcome");
        assertThat(Models.runJob(managementService(), chat.getId())).isNotNull();

        assertThat(chat).isNotEnded().isWaitingAt("Gateway_ConversationOutcome");
        assertThat(runtimeService()
                        .createIncidentQuery()
                        .processInstanceId(chat.getId())
                        .singleResult())
                .as("an incident for an operator of the engine to resolve")
                .isNotNull();
    }

    @Test
    void offersTheChatToTheOperatorsOfItsPlatform() {
        ProcessInstance chat = startChat("VSS");

        assertThat(task(chat))
                .hasDefinitionKey("Task_TakeChat")
                .hasCandidateGroup("platform:VSS")
                .isNotAssigned();
    }

    @Test
    void warnsAt60SecondsThenEscalatesWhenNobodyTakesTheChatIn2Minutes() {
        Date requestedAt = new Date(1_767_225_600_000L); // 2026-01-01T00:00:00Z
        ClockUtil.setCurrentTime(requestedAt);
        ProcessInstance chat = startChat("GENERALIST");

        assertThat(chat).isWaitingAt("Task_TakeChat");
        Job warningTimer = timer("Timer_TakeChatWarning");
        Job breachTimer = timer("Timer_TakeChatBreach");
        assertThat(warningTimer.getDuedate())
                .isEqualTo(
                        new Date(requestedAt.getTime() + Duration.ofSeconds(60).toMillis()));
        assertThat(breachTimer.getDuedate())
                .isEqualTo(
                        new Date(requestedAt.getTime() + Duration.ofMinutes(2).toMillis()));

        execute(warningTimer);
        assertThat(delays.steps).containsExactly("TAKE_CHAT_WARNING");
        assertThat(chat)
                .hasPassed("Task_WarnTakeChat", "EndEvent_WarningRaised")
                .isWaitingAt("Task_TakeChat");

        execute(breachTimer);
        assertThat(delays.steps).containsExactly("TAKE_CHAT_WARNING", "TAKE_CHAT");
        assertThat(chat).hasPassed("Task_EscalateTakeChat", "EndEvent_BreachEscalated");
        assertThat(chat).isNotEnded().isWaitingAt("Task_TakeChat");
        assertThat(task(chat)).hasCandidateGroup("platform:GENERALIST");

        complete(task(chat), withVariables("operator", OPERATOR));
        assertThat(chat).isWaitingAt("Task_HoldConversation");
    }

    @Test
    void takingTheChatInTimeCancelsBothTimers() {
        ProcessInstance chat = startChat("GENERALIST");
        assertThat(jobQuery().count()).isEqualTo(2);

        complete(task(chat), withVariables("operator", OPERATOR));

        assertThat(jobQuery().activityId("Timer_TakeChatWarning").count()).isZero();
        assertThat(jobQuery().activityId("Timer_TakeChatBreach").count()).isZero();
        assertThat(jobQuery().count())
                .as("only the citizen's silence timer is left")
                .isEqualTo(1);
        assertThat(chat)
                .isWaitingAt("Task_HoldConversation")
                .hasNotPassed("Task_WarnTakeChat", "Task_EscalateTakeChat");
        assertThat(delays.steps).isEmpty();
    }

    @Test
    void aWaitingChatClosedAsSpamEndsThroughTheOutcomeGatewayAndCancelsItsTimers() {
        ProcessInstance chat = startChat("GENERALIST");
        assertThat(jobQuery().count()).isEqualTo(2);

        runtimeService()
                .createMessageCorrelation("Message_ClosedAsSpam")
                .processInstanceId(chat.getId())
                .setVariable("conversationOutcome", "SPAM")
                .correlate();

        assertThat(chat).isWaitingAt("Gateway_ConversationOutcome");
        assertThat(Models.runJob(managementService(), chat.getId())).isNull();
        assertThat(chat)
                .isEnded()
                .hasPassed("Message_ClosedAsSpamWhileWaiting", "EndEvent_ClosedAsSpam")
                .hasNotPassed("Task_HoldConversation", "Task_WarnTakeChat", "Task_EscalateTakeChat");
        assertThat(jobQuery().count()).as("no timer left to raise a breach").isZero();
        assertThat(delays.steps).isEmpty();
    }

    @Test
    void aTransferToAColleagueGivesTheSameConversationToThem() {
        ProcessInstance chat = startChat("GENERALIST");
        complete(task(chat), withVariables("operator", OPERATOR));

        transfer(chat, "Message_TransferToPerson", "operator", "op.bordeaux.7");

        assertThat(chat).hasPassed("Message_TransferToPersonRequested").isWaitingAt("Task_HoldConversation");
        assertThat(task(chat)).isAssignedTo("op.bordeaux.7");
        assertThat(taskService().createTaskQuery().taskAssignee(OPERATOR).count())
                .as("the first operator's step is gone")
                .isZero();

        complete(task(chat), withVariables("conversationOutcome", "INFORMATION"));
        Models.runJob(managementService(), chat.getId());
        assertThat(chat).isEnded().hasPassed("EndEvent_InformationGiven");
    }

    @Test
    void aTransferToThePsychologistIsATransferToANamedPersonOfThePlatform() {
        ProcessInstance chat = startChat("VSS");
        complete(task(chat), withVariables("operator", OPERATOR));

        transfer(chat, "Message_TransferToPerson", "operator", "psychologue");

        assertThat(task(chat)).hasDefinitionKey("Task_HoldConversation").isAssignedTo("psychologue");
        // and back to the platform's queue from there
        transfer(chat, "Message_TransferToQueue", "platform", "VSS");
        assertThat(task(chat)).hasDefinitionKey("Task_TakeChat").hasCandidateGroup("platform:VSS");
    }

    @Test
    void aTransferToTheOtherPlatformQueuesTheChatThereWithTheTakeInChargeTimersRunningAgain() {
        Date transferredAt = new Date(1_767_225_600_000L);
        ProcessInstance chat = startChat("GENERALIST");
        complete(task(chat), withVariables("operator", OPERATOR));
        ClockUtil.setCurrentTime(transferredAt);

        transfer(chat, "Message_TransferToQueue", "platform", "VSS");

        assertThat(chat).hasPassed("Message_TransferToQueueRequested").isWaitingAt("Task_TakeChat");
        assertThat(task(chat)).hasCandidateGroup("platform:VSS").isNotAssigned();
        assertThat(timer("Timer_TakeChatWarning").getDuedate())
                .isEqualTo(new Date(
                        transferredAt.getTime() + Duration.ofSeconds(60).toMillis()));
        assertThat(timer("Timer_TakeChatBreach").getDuedate())
                .isEqualTo(
                        new Date(transferredAt.getTime() + Duration.ofMinutes(2).toMillis()));
        assertThat(jobQuery().activityId("Timer_CitizenSilent").count())
                .as("nobody holds it: no silence timer")
                .isZero();

        complete(task(chat), withVariables("operator", "op.guyancourt.3"));
        assertThat(task(chat)).hasDefinitionKey("Task_HoldConversation").isAssignedTo("op.guyancourt.3");
    }

    @Test
    void aSilentCitizenAbandonsTheConversationWhenTheSilenceTimerFires() {
        Date takenAt = new Date(1_767_225_600_000L);
        ClockUtil.setCurrentTime(takenAt);
        ProcessInstance chat = startChat("GENERALIST");
        complete(task(chat), withVariables("operator", OPERATOR));

        Job silent = timer("Timer_CitizenSilent");
        assertThat(silent.getDuedate())
                .isEqualTo(new Date(takenAt.getTime() + Duration.ofMinutes(15).toMillis()));
        execute(silent);

        assertThat(silence.checks).isEqualTo(1);
        assertThat(chat).hasPassed("Task_CheckCitizenSilence").isWaitingAt("Gateway_ConversationOutcome");
        assertThat(taskService()
                        .createTaskQuery()
                        .processInstanceId(chat.getId())
                        .count())
                .as("the operator's slot is free")
                .isZero();
        assertThat(Models.runJob(managementService(), chat.getId())).isNull();
        assertThat(chat).isEnded().hasPassed("EndEvent_Abandoned");
    }

    @Test
    void aCitizenWhoWroteMeanwhileReArmsTheSilenceTimerForTheTimeLeft() {
        Date takenAt = new Date(1_767_225_600_000L);
        ClockUtil.setCurrentTime(takenAt);
        ProcessInstance chat = startChat("GENERALIST");
        complete(task(chat), withVariables("operator", OPERATOR));

        // 15 minutes later the citizen had written 5 minutes before: 10 minutes left
        Date firedAt = new Date(takenAt.getTime() + Duration.ofMinutes(15).toMillis());
        ClockUtil.setCurrentTime(firedAt);
        silence.silent = false;
        silence.remaining = "PT10M";
        execute(timer("Timer_CitizenSilent"));

        assertThat(chat).hasPassed("Task_CheckCitizenSilence").isWaitingAt("Task_HoldConversation");
        assertThat(task(chat)).isAssignedTo(OPERATOR);
        Job rearmed = timer("Timer_CitizenSilent");
        assertThat(rearmed.getDuedate())
                .isEqualTo(new Date(firedAt.getTime() + Duration.ofMinutes(10).toMillis()));

        silence.silent = true;
        execute(rearmed);
        Models.runJob(managementService(), chat.getId());
        assertThat(chat).isEnded().hasPassed("EndEvent_Abandoned");
        assertThat(silence.checks).isEqualTo(2);
    }

    @Test
    void aReportMadeAfterATransferStillReachesTheConversation() {
        ProcessInstance chat = startChat("VSS");
        complete(task(chat), withVariables("operator", OPERATOR));
        transfer(chat, "Message_TransferToPerson", "operator", "psychologue");

        runtimeService()
                .createMessageCorrelation("Message_ReportMade")
                .processInstanceId(chat.getId())
                .correlate();

        assertThat(chat).hasPassed("EndEvent_ReportOpened").isWaitingAt("Task_HoldConversation");
        assertThat(task(chat)).isAssignedTo("psychologue");
    }

    private static void transfer(ProcessInstance chat, String message, String variable, String value) {
        runtimeService()
                .createMessageCorrelation(message)
                .processInstanceId(chat.getId())
                .setVariable(variable, value)
                .correlate();
    }

    private static Job timer(String activityId) {
        return jobQuery().activityId(activityId).singleResult();
    }

    private ProcessInstance startChat(String platform) {
        return runtimeService()
                .startProcessInstanceByKey(
                        "Conversation",
                        String.valueOf(CHAT_ID),
                        withVariables("chatId", CHAT_ID, "platform", platform));
    }

    private void takeChatAndConverse(ProcessInstance chat, String outcome) {
        assertThat(chat).isWaitingAt("Task_TakeChat");
        complete(task(chat), withVariables("operator", OPERATOR));
        assertThat(chat).isWaitingAt("Task_HoldConversation");
        assertThat(task(chat)).isAssignedTo(OPERATOR);
        complete(task(chat), withVariables("conversationOutcome", outcome));
    }
}
