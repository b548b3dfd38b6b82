package fr.relais.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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

/** Every path of a report, on an in-memory engine with mocked delegates; jobs run as the job executor would. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = Models.REPORT_LIFECYCLE)
class ReportLifecycleTest {
    private static final long REPORT_ID = 1707L;
    private static final long CHAT_ID = 4242L;
    private static final String OPERATOR = "op.bordeaux.12";
    private static final String COMPETENT_UNIT = "CSP-BORDEAUX";
    private static final String NEW_UNIT = "BRIGADE-MERIGNAC";
    private static final Instant FORWARDED_AT = Instant.parse("2099-11-28T10:00:00Z");

    ProcessEngine processEngine;

    private final AtomicInteger anonymisations = new AtomicInteger();
    private final AtomicInteger competenceResolutions = new AtomicInteger();
    private final Models.StageRecorder stages = new Models.StageRecorder();
    private final AtomicInteger decisions = new AtomicInteger();
    private String competence = "RESOLVED";
    private String validation = "NONE";
    private final List<String> escalations = new ArrayList<>();
    private int forwardings;

    @BeforeEach
    void registerDelegates() {
        BpmnAwareTests.init(processEngine);
        Mocks.register("anonymiseReport", (JavaDelegate) execution -> {
            assertThat(execution.getVariable("reportId")).isEqualTo(REPORT_ID);
            anonymisations.incrementAndGet();
        });
        Mocks.register("resolveCompetence", (JavaDelegate) execution -> {
            competenceResolutions.incrementAndGet();
            execution.setVariable("competence", competence);
            execution.setVariable("unitCode", "RESOLVED".equals(competence) ? COMPETENT_UNIT : null);
        });
        Mocks.register("applyDecisions", (JavaDelegate) execution -> {
            decisions.incrementAndGet();
            execution.setVariable("validation", validation);
        });
        Mocks.register("reportStage", stages);
        Mocks.register("acknowledgementTarget", (ExecutionListener) execution -> {
            // each forwarding gets its own deadlines, one and two hours after a fixed instant to come
            Instant forwarded = FORWARDED_AT.plus(Duration.ofDays(forwardings++));
            execution.setVariable(
                    "acknowledgeDueAt", forwarded.plus(Duration.ofHours(1)).toString());
            execution.setVariable(
                    "acknowledgeDepartmentDueAt",
                    forwarded.plus(Duration.ofHours(2)).toString());
        });
        Mocks.register("escalateAcknowledgement", new JavaDelegate() {
            private Expression step;

            @Override
            public void execute(DelegateExecution execution) {
                escalations.add(execution.getVariable("unitCode") + " " + step.getValue(execution));
            }
        });
    }

    @AfterEach
    void resetDelegates() {
        Mocks.reset();
    }

    @Test
    void aReportFromAConversationStaysWithTheOperatorWhoHoldsIt() {
        ProcessInstance report = startFromConversation("GENERALIST");

        assertThat(report).isWaitingAt("Task_Qualify");
        assertThat(task(report)).isAssignedTo(OPERATOR);
        assertThat(stages.stages).containsExactly("QUALIFYING");
    }

    @Test
    void aReportWithoutAChatWaitsForAnyOperatorOfItsPlatform() {
        ProcessInstance report = runtimeService()
                .createMessageCorrelation("Message_ReportFromForm")
                .processInstanceBusinessKey(String.valueOf(REPORT_ID))
                .setVariables(variables("VSS", null))
                .correlateStartMessage();

        assertThat(report).hasPassed("StartEvent_ReportFromForm").isWaitingAt("Task_Qualify");
        assertThat(task(report)).isNotAssigned().hasCandidateGroup("platform:VSS");
        assertThat(runtimeService().getVariable(report.getId(), "chatId")).isNull();

        complete(task(report));
        runJobs(report);
        assertThat(report).isWaitingAt("Task_ReviewAnonymisation");
    }

    @Test
    void goesThroughQualificationAnonymisationAndReviewToTheUnitAsynchronously() {
        ProcessInstance report = startFromConversation("GENERALIST");

        complete(task(report));
        assertThat(report)
                .as("the operator's request ends at the asynchronous continuation")
                .isWaitingAt("Task_ApplyDecisions");
        assertThat(decisions).hasValue(0);
        assertThat(anonymisations).hasValue(0);
        assertThat(stages.stages).containsExactly("QUALIFYING", "ANONYMISING");

        runJobs(report);
        assertThat(decisions).hasValue(1);
        assertThat(anonymisations).hasValue(1);
        assertThat(report).hasPassed("Task_ApplyDecisions").hasNotPassed("Task_ValidateQualification");
        assertThat(report).isWaitingAt("Task_ReviewAnonymisation");
        assertThat(task(report)).isAssignedTo(OPERATOR);

        complete(task(report));
        assertThat(report).isWaitingAt("Task_ResolveCompetence");
        assertThat(competenceResolutions).hasValue(0);

        runJobs(report);
        assertThat(competenceResolutions).hasValue(1);
        assertThat(report).isWaitingAt("Task_AcknowledgeReport");
        assertThat(task(report)).hasCandidateGroup("unit:" + COMPETENT_UNIT).isNotAssigned();
        assertThat(stages.stages).containsExactly("QUALIFYING", "ANONYMISING", "IN_REVIEW", "FORWARDING", "FORWARDED");
    }

    @Test
    void theUnitAcknowledgesThenTakesOverThenItsOutcomeClosesTheReport() {
        ProcessInstance report = forwardedToTheUnit("GENERALIST");

        complete(task(report), withVariables("acknowledgement", "ACKNOWLEDGED"));
        assertThat(report).isWaitingAt("Gateway_Acknowledgement");
        runJobs(report);
        assertThat(report).isWaitingAt("Task_TakeOverReport");
        assertThat(task(report)).hasCandidateGroup("unit:" + COMPETENT_UNIT);
        assertThat(stages.stages).endsWith("FORWARDED", "ACKNOWLEDGED");

        complete(task(report), withVariables("unitDecision", "ACCEPTED"));
        assertThat(report).isWaitingAt("Gateway_UnitDecision");
        runJobs(report);
        assertThat(report).isWaitingAt("Task_RecordOutcome");
        assertThat(task(report)).hasCandidateGroup("unit:" + COMPETENT_UNIT);
        assertThat(stages.stages).endsWith("ACKNOWLEDGED", "TAKEN_OVER");

        complete(task(report));
        assertThat(report).isEnded().hasPassed("EndEvent_ReportClosed").hasNotPassed("Task_RerouteReport");
        assertThat(stages.stages).endsWith("FORWARDED", "ACKNOWLEDGED", "TAKEN_OVER", "CLOSED");
    }

    @Test
    void aTakeOverWithoutAcknowledgingFirstAcknowledgesAndTakesOverInOneAnswer() {
        ProcessInstance report = forwardedToTheUnit("GENERALIST");

        complete(task(report), withVariables("acknowledgement", "TAKEN_OVER"));
        runJobs(report);

        assertThat(report).hasNotPassed("Task_TakeOverReport").isWaitingAt("Task_RecordOutcome");
        assertThat(stages.stages).endsWith("FORWARDED", "TAKEN_OVER");
    }

    @Test
    void aUnitDecliningAfterAcknowledgingSendsTheReportToTheSupervisors() {
        ProcessInstance report = forwardedToTheUnit("VSS");
        complete(task(report), withVariables("acknowledgement", "ACKNOWLEDGED"));
        runJobs(report);

        complete(task(report), withVariables("unitDecision", "DECLINED"));
        runJobs(report);

        assertThat(report).hasPassed("Task_TakeOverReport").isWaitingAt("Task_RerouteReport");
        assertThat(task(report)).hasCandidateGroup("supervisor:VSS");
        assertThat(stages.stages).endsWith("FORWARDED", "ACKNOWLEDGED", "REROUTING");
    }

    @Test
    void aDeclinedReportGoesToTheSupervisorsForReroutingThenToTheNewUnit() {
        ProcessInstance report = forwardedToTheUnit("VSS");

        complete(task(report), withVariables("acknowledgement", "DECLINED"));
        runJobs(report);

        assertThat(report).isWaitingAt("Task_RerouteReport").hasNotPassed("Task_TakeOverReport");
        assertThat(task(report)).hasCandidateGroup("supervisor:VSS");
        complete(task(report), withVariables("unitCode", NEW_UNIT));

        assertThat(report).isWaitingAt("Task_AcknowledgeReport");
        assertThat(task(report)).hasCandidateGroup("unit:" + NEW_UNIT);
        assertThat(competenceResolutions)
                .as("rerouting is the supervisor's choice")
                .hasValue(1);

        complete(task(report), withVariables("acknowledgement", "TAKEN_OVER"));
        runJobs(report);
        complete(task(report));
        assertThat(report).isEnded().hasPassed("EndEvent_ReportClosed");
        assertThat(stages.stages).endsWith("FORWARDED", "REROUTING", "FORWARDED", "TAKEN_OVER", "CLOSED");
    }

    @Test
    void aReportNoUnitCoversGoesStraightToTheSupervisors() {
        competence = "UNRESOLVED";
        ProcessInstance report = startFromConversation("GENERALIST");
        complete(task(report));
        runJobs(report);
        complete(task(report));
        runJobs(report);

        assertThat(report)
                .hasPassed("Task_ResolveCompetence", "Gateway_CompetenceResolved")
                .hasNotPassed("Task_AcknowledgeReport")
                .isWaitingAt("Task_RerouteReport");
        assertThat(task(report)).hasCandidateGroup("supervisor:GENERALIST");
        complete(task(report), withVariables("unitCode", "CSP-VERSAILLES"));

        assertThat(report).isWaitingAt("Task_AcknowledgeReport");
        assertThat(task(report)).hasCandidateGroup("unit:CSP-VERSAILLES");
    }

    @Test
    void aUnitAnswerNoFlowExpectsBecomesAnIncidentAndTheUnitsAnswerStays() {
        ProcessInstance report = forwardedToTheUnit("GENERALIST");

        complete(task(report), withVariables("acknowledgement", "MAYBE"));
        assertThat(Models.runJob(managementService(), report.getId())).isNotNull();

        assertThat(report).isNotEnded().isWaitingAt("Gateway_Acknowledgement");
        assertThat(runtimeService().getVariable(report.getId(), "acknowledgement"))
                .isEqualTo("MAYBE");
        assertThat(runtimeService()
                        .createIncidentQuery()
                        .processInstanceId(report.getId())
                        .singleResult())
                .isNotNull();
    }

    @Test
    void aCompetenceNoFlowExpectsBecomesAnIncident() {
        competence = "PERHAPS";
        ProcessInstance report = startFromConversation("GENERALIST");
        complete(task(report));
        runJobs(report);
        complete(task(report));

        assertThat(Models.runJob(managementService(), report.getId())).isNotNull();

        assertThat(report).isNotEnded().isWaitingAt("Task_ResolveCompetence");
        assertThat(runtimeService()
                        .createIncidentQuery()
                        .processInstanceId(report.getId())
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aSensitiveReportWaitsForASupervisorWhoApprovesItBeforeItGoesFurther() {
        validation = "BEFORE_FORWARDING";
        ProcessInstance report = startFromConversation("VSS");
        complete(task(report));
        runJobs(report);

        assertThat(report).isWaitingAt("Task_ValidateQualification");
        assertThat(task(report)).hasCandidateGroup("supervisor:VSS").isNotAssigned();
        assertThat(anonymisations).as("nothing prepared before the validation").hasValue(0);
        assertThat(stages.stages).endsWith("ANONYMISING", "AWAITING_VALIDATION");

        complete(task(report), withVariables("validationDecision", "APPROVED"));
        assertThat(report)
                .as("the supervisor's request ends before the gateway")
                .isWaitingAt("Gateway_ValidationDecision");
        runJobs(report);

        assertThat(report).isWaitingAt("Task_ReviewAnonymisation");
        assertThat(anonymisations).hasValue(1);
        assertThat(stages.stages).endsWith("AWAITING_VALIDATION", "ANONYMISING", "IN_REVIEW");
    }

    @Test
    void aReportTheSupervisorSendsBackReturnsToItsOperatorAndIsValidatedAgain() {
        validation = "BEFORE_FORWARDING";
        ProcessInstance report = startFromConversation("GENERALIST");
        complete(task(report));
        runJobs(report);

        complete(task(report), withVariables("validationDecision", "SENT_BACK"));
        runJobs(report);

        assertThat(report).isWaitingAt("Task_Qualify");
        assertThat(task(report)).isAssignedTo(OPERATOR);
        assertThat(stages.stages).endsWith("AWAITING_VALIDATION", "QUALIFYING");
        assertThat(anonymisations).hasValue(0);

        complete(task(report));
        runJobs(report);
        assertThat(decisions)
                .as("the decisions are taken again on the new qualification")
                .hasValue(2);
        assertThat(report).isWaitingAt("Task_ValidateQualification");
        complete(task(report), withVariables("validationDecision", "APPROVED"));
        runJobs(report);

        assertThat(report).isWaitingAt("Task_ReviewAnonymisation");
        assertThat(BpmnAwareTests.historyService()
                        .createHistoricActivityInstanceQuery()
                        .processInstanceId(report.getId())
                        .activityId("Task_ValidateQualification")
                        .count())
                .as("both validations are in the history")
                .isEqualTo(2);
    }

    @Test
    void aReportWithADangerNowIsForwardedAtOnceAndValidatedAfterwards() {
        validation = "AFTER_FORWARDING";
        ProcessInstance report = startFromConversation("GENERALIST");
        complete(task(report));
        runJobs(report);

        assertThat(report).isWaitingAt("Task_ReviewAnonymisation", "Task_ValidateAfterForwarding");
        assertThat(task("Task_ValidateAfterForwarding", report)).hasCandidateGroup("supervisor:GENERALIST");
        assertThat(stages.stages).doesNotContain("AWAITING_VALIDATION");

        complete(task("Task_ReviewAnonymisation", report));
        runJobs(report);
        assertThat(report)
                .as("forwarded while the validation waits")
                .isWaitingAt("Task_AcknowledgeReport", "Task_ValidateAfterForwarding");
        complete(task("Task_AcknowledgeReport", report), withVariables("acknowledgement", "TAKEN_OVER"));
        runJobs(report);
        complete(task("Task_RecordOutcome", report));
        assertThat(report).hasPassed("EndEvent_ReportClosed").isNotEnded();

        complete(task("Task_ValidateAfterForwarding", report), withVariables("validationDecision", "APPROVED"));
        runJobs(report);
        assertThat(report).isEnded().hasPassed("EndEvent_ValidatedAfterForwarding");
        assertThat(stages.stages).endsWith("FORWARDED", "TAKEN_OVER", "CLOSED");
    }

    @Test
    void remarksOnAReportAlreadyForwardedEndTheValidationAndTheReportGoesOn() {
        validation = "AFTER_FORWARDING";
        ProcessInstance report = startFromConversation("GENERALIST");
        complete(task(report));
        runJobs(report);

        complete(task("Task_ValidateAfterForwarding", report), withVariables("validationDecision", "SENT_BACK"));
        runJobs(report);

        assertThat(report).hasPassed("EndEvent_RemarksSentToOperator").isWaitingAt("Task_ReviewAnonymisation");
    }

    @Test
    void aValidationNoFlowExpectsBecomesAnIncident() {
        validation = "PERHAPS";
        ProcessInstance report = startFromConversation("GENERALIST");
        complete(task(report));

        assertThat(Models.runJob(managementService(), report.getId())).isNotNull();

        assertThat(report).isNotEnded().isWaitingAt("Task_ApplyDecisions");
        assertThat(runtimeService()
                        .createIncidentQuery()
                        .processInstanceId(report.getId())
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aMissedAcknowledgementEscalatesToTheSupervisorsThenToTheDepartmentAndTheUnitStillHasTheReport() {
        ProcessInstance report = forwardedToTheUnit("GENERALIST");

        Job first = timer(report, "Timer_AcknowledgementMissed");
        Job second = timer(report, "Timer_AcknowledgementMissedTwice");
        assertThat(first.getDuedate()).isEqualTo(Date.from(FORWARDED_AT.plus(Duration.ofHours(1))));
        assertThat(second.getDuedate()).isEqualTo(Date.from(FORWARDED_AT.plus(Duration.ofHours(2))));

        managementService().executeJob(first.getId());
        assertThat(escalations).containsExactly(COMPETENT_UNIT + " ACKNOWLEDGE");
        assertThat(report)
                .hasPassed("Task_EscalateToSupervisors", "EndEvent_EscalatedToSupervisors")
                .isWaitingAt("Task_AcknowledgeReport");

        managementService().executeJob(second.getId());
        assertThat(escalations)
                .containsExactly(COMPETENT_UNIT + " ACKNOWLEDGE", COMPETENT_UNIT + " ACKNOWLEDGE_DEPARTMENT");
        assertThat(report)
                .hasPassed("Task_EscalateToDepartment", "EndEvent_EscalatedToDepartment")
                .isWaitingAt("Task_AcknowledgeReport");
        assertThat(task(report)).hasCandidateGroup("unit:" + COMPETENT_UNIT);
        assertThat(timerCount(report)).isZero();

        complete(task(report), withVariables("acknowledgement", "ACKNOWLEDGED"));
        runJobs(report);
        assertThat(report).isWaitingAt("Task_TakeOverReport");
        assertThat(escalations).hasSize(2);
    }

    @Test
    void acknowledgingInTimeCancelsBothTimers() {
        ProcessInstance report = forwardedToTheUnit("GENERALIST");
        assertThat(timerCount(report)).isEqualTo(2);

        complete(task(report), withVariables("acknowledgement", "ACKNOWLEDGED"));

        assertThat(timerCount(report))
                .as("the unit answered: no escalation is due")
                .isZero();
        runJobs(report);
        assertThat(report).isWaitingAt("Task_TakeOverReport").hasNotPassed("Task_EscalateToSupervisors");
        assertThat(escalations).isEmpty();
    }

    @Test
    void takingOverAtOnceOrDecliningAlsoCancelsTheTimers() {
        ProcessInstance takenOver = forwardedToTheUnit("GENERALIST");
        complete(task(takenOver), withVariables("acknowledgement", "TAKEN_OVER"));
        assertThat(timerCount(takenOver)).isZero();

        ProcessInstance declined = forwardedToTheUnit("VSS");
        complete(task(declined), withVariables("acknowledgement", "DECLINED"));
        assertThat(timerCount(declined)).isZero();
        assertThat(escalations).isEmpty();
    }

    @Test
    void aReroutedReportGetsNewDeadlinesForTheNewUnit() {
        ProcessInstance report = forwardedToTheUnit("VSS");
        managementService()
                .executeJob(timer(report, "Timer_AcknowledgementMissed").getId());
        complete(task(report), withVariables("acknowledgement", "DECLINED"));
        runJobs(report);
        complete(task(report), withVariables("unitCode", NEW_UNIT));

        assertThat(report).isWaitingAt("Task_AcknowledgeReport");
        Job first = timer(report, "Timer_AcknowledgementMissed");
        assertThat(first.getDuedate())
                .isEqualTo(Date.from(FORWARDED_AT.plus(Duration.ofDays(1)).plus(Duration.ofHours(1))));
        managementService().executeJob(first.getId());
        assertThat(escalations).containsExactly(COMPETENT_UNIT + " ACKNOWLEDGE", NEW_UNIT + " ACKNOWLEDGE");
    }

    private static Job timer(ProcessInstance report, String activityId) {
        return managementService()
                .createJobQuery()
                .processInstanceId(report.getId())
                .activityId(activityId)
                .timers()
                .singleResult();
    }

    private static long timerCount(ProcessInstance report) {
        return managementService()
                .createJobQuery()
                .processInstanceId(report.getId())
                .timers()
                .count();
    }

    private ProcessInstance startFromConversation(String platform) {
        return runtimeService()
                .createMessageCorrelation("Message_ReportFromConversation")
                .processInstanceBusinessKey(String.valueOf(REPORT_ID))
                .setVariables(variables(platform, OPERATOR))
                .setVariable("chatId", CHAT_ID)
                .correlateStartMessage();
    }

    private static Map<String, Object> variables(String platform, String operator) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("reportId", REPORT_ID);
        variables.put("platform", platform);
        variables.put("operator", operator);
        return variables;
    }

    private ProcessInstance forwardedToTheUnit(String platform) {
        ProcessInstance report = startFromConversation(platform);
        complete(task(report));
        runJobs(report);
        complete(task(report));
        runJobs(report);
        assertThat(report).isWaitingAt("Task_AcknowledgeReport");
        return report;
    }

    /** Runs the process's jobs, one after the other, until it waits for a person (or ends). */
    private static void runJobs(ProcessInstance report) {
        for (int i = 0; i < 10; i++) {
            boolean pending = managementService()
                            .createJobQuery()
                            .processInstanceId(report.getId())
                            .executable()
                            .count()
                    > 0;
            if (!pending) {
                return;
            }
            assertThat(Models.runJob(managementService(), report.getId())).isNull();
        }
    }
}
