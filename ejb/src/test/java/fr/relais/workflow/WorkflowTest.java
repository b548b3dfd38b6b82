package fr.relais.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.shared.DomainException;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The facade on the real models: the model's candidate groups and assignees decide who completes a
 * step, whatever role checks the boundaries add.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"Conversation.bpmn", "ReportLifecycle.bpmn"})
class WorkflowTest {
    private static final Workflow.Actor GENERALIST_OPERATOR =
            new Workflow.Actor("operateur", Set.of("platform:GENERALIST"));
    private static final Workflow.Actor VSS_OPERATOR = new Workflow.Actor("operatrice-vss", Set.of("platform:VSS"));
    private static final Workflow.Actor SECOND_GENERALIST_OPERATOR =
            new Workflow.Actor("operateur2", Set.of("platform:GENERALIST"));

    ProcessEngine processEngine;
    Workflow workflow;

    /** Stands for the model's reportStage listener; the engine injects its field. */
    public static class IgnoredStage implements ExecutionListener {
        Expression stage;

        @Override
        public void notify(DelegateExecution execution) {
            assertThat(stage.getValue(execution)).isNotNull();
        }
    }

    /** Stands for the citizenSilence bean the silence timer's duration calls. */
    public static class FifteenMinutesOfSilence {
        public String remaining(Object chatId) {
            return "PT15M";
        }
    }

    @BeforeEach
    void facadeOnTheTestEngine() {
        ProcessEngine engine = processEngine;
        workflow = new Workflow();
        workflow.bootstrap = new ProcessEngineBootstrap() {
            @Override
            public ProcessEngine engine() {
                return engine;
            }
        };
        Mocks.register("anonymiseReport", (JavaDelegate) execution -> {});
        Mocks.register("applyDecisions", (JavaDelegate) execution ->
                execution.setVariable(ProcessVariables.VALIDATION, ProcessVariables.Validation.NONE.name()));
        Mocks.register("resolveCompetence", (JavaDelegate) execution -> {
            execution.setVariable(ProcessVariables.COMPETENCE, "RESOLVED");
            execution.setVariable(ProcessVariables.UNIT_CODE, "CSP-GUYANCOURT");
        });
        Mocks.register("reportStage", new IgnoredStage());
        Mocks.register("acknowledgementTarget", (org.camunda.bpm.engine.delegate.ExecutionListener) execution -> {
            execution.setVariable(ProcessVariables.ACKNOWLEDGE_DUE_AT, "2099-01-01T00:00:00Z");
            execution.setVariable(ProcessVariables.ACKNOWLEDGE_DEPARTMENT_DUE_AT, "2099-01-02T00:00:00Z");
        });
        Mocks.register("citizenSilence", new FifteenMinutesOfSilence());
    }

    @AfterEach
    void resetMocks() {
        Mocks.reset();
    }

    @Test
    void anOperatorOfTheOtherPlatformCannotTakeAChat() {
        String chat = workflow.startConversation(1L, "GENERALIST");

        assertRefused(() -> workflow.complete(chat, ProcessVariables.TASK_TAKE_CHAT, VSS_OPERATOR, operator("x")));
        assertThat(workflow.openSteps(chat)).containsExactly(ProcessVariables.TASK_TAKE_CHAT);

        workflow.complete(chat, ProcessVariables.TASK_TAKE_CHAT, GENERALIST_OPERATOR, operator("operateur"));
        assertThat(workflow.openSteps(chat)).containsExactly(ProcessVariables.TASK_HOLD_CONVERSATION);
    }

    @Test
    void onlyTheOperatorHoldingTheConversationEndsIt() {
        String chat = workflow.startConversation(2L, "GENERALIST");
        workflow.complete(chat, ProcessVariables.TASK_TAKE_CHAT, GENERALIST_OPERATOR, operator("operateur"));

        assertRefused(() -> workflow.complete(
                chat,
                ProcessVariables.TASK_HOLD_CONVERSATION,
                SECOND_GENERALIST_OPERATOR,
                Map.of(ProcessVariables.CONVERSATION_OUTCOME, "INFORMATION")));
        assertThat(workflow.openSteps(chat)).containsExactly(ProcessVariables.TASK_HOLD_CONVERSATION);
    }

    @Test
    void onlyTheHolderTransfersAConversationToAPersonOrAQueue() {
        String chat = workflow.startConversation(5L, "GENERALIST");
        assertThatThrownBy(() -> workflow.transferConversation(chat, GENERALIST_OPERATOR, null, "VSS"))
                .as("nobody holds it yet")
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT));
        workflow.complete(chat, ProcessVariables.TASK_TAKE_CHAT, GENERALIST_OPERATOR, operator("operateur"));

        assertRefused(() -> workflow.transferConversation(chat, SECOND_GENERALIST_OPERATOR, "operateur2", null));
        workflow.transferConversation(chat, GENERALIST_OPERATOR, "operateur2", null);
        assertThat(workflow.openSteps(chat)).containsExactly(ProcessVariables.TASK_HOLD_CONVERSATION);
        assertRefused(() -> workflow.complete(
                chat,
                ProcessVariables.TASK_HOLD_CONVERSATION,
                GENERALIST_OPERATOR,
                Map.of(ProcessVariables.CONVERSATION_OUTCOME, "INFORMATION")));

        workflow.transferConversation(chat, SECOND_GENERALIST_OPERATOR, null, "VSS");
        assertThat(workflow.openSteps(chat)).containsExactly(ProcessVariables.TASK_TAKE_CHAT);
        assertRefused(() ->
                workflow.complete(chat, ProcessVariables.TASK_TAKE_CHAT, GENERALIST_OPERATOR, operator("operateur")));
        workflow.complete(chat, ProcessVariables.TASK_TAKE_CHAT, VSS_OPERATOR, operator("operatrice-vss"));
        assertThat(workflow.openSteps(chat)).containsExactly(ProcessVariables.TASK_HOLD_CONVERSATION);
    }

    @Test
    void anAgentOfAnotherUnitCannotAnswerForTheCompetentUnit() {
        String report = forwardedReport(3L);

        assertRefused(() -> workflow.complete(
                report,
                ProcessVariables.TASK_ACKNOWLEDGE_REPORT,
                new Workflow.Actor("agent-versailles", Set.of("unit:CSP-VERSAILLES")),
                Map.of(ProcessVariables.UNIT_DECISION, "ACCEPTED")));
        assertRefused(() -> workflow.complete(
                report,
                ProcessVariables.TASK_ACKNOWLEDGE_REPORT,
                new Workflow.Actor("superviseur", Set.of("supervisor:GENERALIST")),
                Map.of(ProcessVariables.UNIT_DECISION, "ACCEPTED")));

        workflow.complete(
                report,
                ProcessVariables.TASK_ACKNOWLEDGE_REPORT,
                new Workflow.Actor("agent-guyancourt", Set.of("unit:CSP-GUYANCOURT")),
                Map.of(ProcessVariables.ACKNOWLEDGEMENT, "DECLINED"));
        runJobs(report);
        assertThat(workflow.openSteps(report)).containsExactly(ProcessVariables.TASK_REROUTE_REPORT);

        assertRefused(() -> workflow.complete(
                report,
                ProcessVariables.TASK_REROUTE_REPORT,
                new Workflow.Actor("superviseur-vss", Set.of("supervisor:VSS")),
                Map.of(ProcessVariables.UNIT_CODE, "CSP-VERSAILLES")));
        workflow.complete(
                report,
                ProcessVariables.TASK_REROUTE_REPORT,
                new Workflow.Actor("superviseur", Set.of("supervisor:GENERALIST")),
                Map.of(ProcessVariables.UNIT_CODE, "CSP-VERSAILLES"));
        assertThat(workflow.openSteps(report)).containsExactly(ProcessVariables.TASK_ACKNOWLEDGE_REPORT);
    }

    @Test
    void aReportWithoutAChatGoesToTheFirstOperatorOfItsPlatformWhoQualifiesIt() {
        String report = workflow.startReport(4L, "VSS", null, null, null);

        assertRefused(() -> workflow.complete(report, ProcessVariables.TASK_QUALIFY, GENERALIST_OPERATOR, Map.of()));
        workflow.complete(report, ProcessVariables.TASK_QUALIFY, VSS_OPERATOR, operator("operatrice-vss"));
        runJobs(report);

        var review = processEngine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(report)
                .singleResult();
        assertThat(review.getTaskDefinitionKey()).isEqualTo(ProcessVariables.TASK_REVIEW_ANONYMISATION);
        assertThat(review.getAssignee()).isEqualTo("operatrice-vss");
    }

    @Test
    void aReportMadeDuringAConversationLeavesTheConversationGoingOn() {
        String chat = workflow.startConversation(5L, "GENERALIST");
        workflow.complete(chat, ProcessVariables.TASK_TAKE_CHAT, GENERALIST_OPERATOR, operator("operateur"));

        String report = workflow.startReport(5L, "GENERALIST", "operateur", 5L, chat);

        assertThat(workflow.openSteps(chat)).containsExactly(ProcessVariables.TASK_HOLD_CONVERSATION);
        assertThat(workflow.openSteps(report)).containsExactly(ProcessVariables.TASK_QUALIFY);
        assertThat(processEngine
                        .getHistoryService()
                        .createHistoricActivityInstanceQuery()
                        .processInstanceId(chat)
                        .activityId("EndEvent_ReportOpened")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aStepThatIsNotOpenIsAConflict() {
        String chat = workflow.startConversation(6L, "GENERALIST");

        assertThatThrownBy(() ->
                        workflow.complete(chat, ProcessVariables.TASK_HOLD_CONVERSATION, GENERALIST_OPERATOR, Map.of()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT));
    }

    private String forwardedReport(long id) {
        String report = workflow.startReport(id, "GENERALIST", "operateur", null, null);
        workflow.complete(report, ProcessVariables.TASK_QUALIFY, GENERALIST_OPERATOR, operator("operateur"));
        runJobs(report);
        workflow.complete(report, ProcessVariables.TASK_REVIEW_ANONYMISATION, GENERALIST_OPERATOR, Map.of());
        runJobs(report);
        assertThat(workflow.openSteps(report)).containsExactly(ProcessVariables.TASK_ACKNOWLEDGE_REPORT);
        return report;
    }

    /**
     * Runs the process's due jobs, including those a job creates (decisions, then anonymisation); timers
     * not yet due (the acknowledgement's) wait, as with the job executor.
     */
    private void runJobs(String processInstanceId) {
        var management = processEngine.getManagementService();
        for (int round = 0; round < 10; round++) {
            var jobs = management
                    .createJobQuery()
                    .processInstanceId(processInstanceId)
                    .executable()
                    .list();
            if (jobs.isEmpty()) {
                return;
            }
            for (Job job : jobs) {
                management.executeJob(job.getId());
            }
        }
    }

    private static Map<String, Object> operator(String name) {
        return Map.of(ProcessVariables.OPERATOR, name);
    }

    private static void assertRefused(Runnable completion) {
        assertThatThrownBy(completion::run).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind())
                .isEqualTo(DomainException.Kind.FORBIDDEN));
    }
}
