package fr.relais.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.intake.entity.Chat;
import fr.relais.qualification.entity.Category;
import fr.relais.qualification.entity.Priority;
import fr.relais.qualification.entity.Report;
import fr.relais.qualification.entity.UnitKind;
import fr.relais.qualification.entity.Urgency;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaField;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;

/** The models and the code agree on the values gateways decide on and on the stages a report goes through. */
class ModelContractTest {
    private static final Pattern CONDITION = Pattern.compile("\\$\\{(\\w+) == '(\\w+)'}");

    @Test
    void theConversationOutcomeGatewayHasAFlowForEachOutcome() {
        assertThat(decidedValues(
                        "Conversation.bpmn", "Gateway_ConversationOutcome", ProcessVariables.CONVERSATION_OUTCOME))
                .containsExactlyInAnyOrderElementsOf(names(Chat.Outcome.values()));
    }

    @Test
    void theTransfersAreTheMessagesTheWorkflowSendsAndEndInTheSteps() {
        BpmnModelInstance model = read("Conversation.bpmn");
        assertThat(model.getModelElementsByType(Message.class).stream()
                        .map(Message::getName)
                        .toList())
                .contains(ProcessVariables.MESSAGE_TRANSFER_TO_PERSON, ProcessVariables.MESSAGE_TRANSFER_TO_QUEUE);
        BoundaryEvent toPerson = model.getModelElementById("Message_TransferToPersonRequested");
        BoundaryEvent toQueue = model.getModelElementById("Message_TransferToQueueRequested");
        assertThat(toPerson.getAttachedTo().getId()).isEqualTo(ProcessVariables.TASK_HOLD_CONVERSATION);
        assertThat(toPerson.cancelActivity()).isTrue();
        assertThat(toPerson.getOutgoing().iterator().next().getTarget().getId())
                .isEqualTo(ProcessVariables.TASK_HOLD_CONVERSATION);
        assertThat(toQueue.getOutgoing().iterator().next().getTarget().getId())
                .isEqualTo(ProcessVariables.TASK_TAKE_CHAT);
    }

    @Test
    void theSilenceGatewayDecidesOnTheVariableTheCheckSets() {
        ExclusiveGateway gateway = read("Conversation.bpmn").getModelElementById("Gateway_CitizenSilent");
        assertThat(gateway.getOutgoing().stream()
                        .map(flow -> flow.getConditionExpression().getTextContent())
                        .toList())
                .containsExactlyInAnyOrder(
                        "${" + ProcessVariables.CITIZEN_SILENT + " == true}",
                        "${" + ProcessVariables.CITIZEN_SILENT + " == false}");
    }

    @Test
    void theCompetenceGatewayHasAFlowForEachCompetence() {
        assertThat(decidedValues("ReportLifecycle.bpmn", "Gateway_CompetenceResolved", ProcessVariables.COMPETENCE))
                .containsExactlyInAnyOrderElementsOf(names(ProcessVariables.Competence.values()));
    }

    @Test
    void theUnitDecisionGatewayHasAFlowForEachDecision() {
        assertThat(decidedValues("ReportLifecycle.bpmn", "Gateway_UnitDecision", ProcessVariables.UNIT_DECISION))
                .containsExactlyInAnyOrderElementsOf(names(ProcessVariables.UnitDecision.values()));
    }

    @Test
    void theAcknowledgementGatewayHasAFlowForEachAnswer() {
        assertThat(decidedValues("ReportLifecycle.bpmn", "Gateway_Acknowledgement", ProcessVariables.ACKNOWLEDGEMENT))
                .containsExactlyInAnyOrderElementsOf(names(ProcessVariables.Acknowledgement.values()));
    }

    @Test
    void theUnitStepsAreTheOnesTheCodeCompletes() {
        BpmnModelInstance model = read("ReportLifecycle.bpmn");
        for (String task : List.of(
                ProcessVariables.TASK_ACKNOWLEDGE_REPORT,
                ProcessVariables.TASK_TAKE_OVER_REPORT,
                ProcessVariables.TASK_RECORD_OUTCOME)) {
            UserTask step = model.getModelElementById(task);
            assertThat(step).as(task).isNotNull();
            assertThat(step.getCamundaCandidateGroups()).isEqualTo("unit:${unitCode}");
        }
    }

    @Test
    void theValidationGatewaysHaveAFlowForEachValue() {
        assertThat(decidedValues("ReportLifecycle.bpmn", "Gateway_ValidationNeeded", ProcessVariables.VALIDATION))
                .containsExactlyInAnyOrderElementsOf(names(ProcessVariables.Validation.values()));
        for (String gateway : List.of("Gateway_ValidationDecision", "Gateway_ValidationAfterForwarding")) {
            assertThat(decidedValues("ReportLifecycle.bpmn", gateway, ProcessVariables.VALIDATION_DECISION))
                    .as(gateway)
                    .containsExactlyInAnyOrderElementsOf(names(ProcessVariables.ValidationDecision.values()));
        }
    }

    @Test
    void theValidationStepsAreTheOnesTheCodeCompletes() {
        BpmnModelInstance model = read("ReportLifecycle.bpmn");
        for (String task : List.of(
                ProcessVariables.TASK_VALIDATE_QUALIFICATION, ProcessVariables.TASK_VALIDATE_AFTER_FORWARDING)) {
            UserTask step = model.getModelElementById(task);
            assertThat(step).as(task).isNotNull();
            assertThat(step.getCamundaCandidateGroups()).isEqualTo("supervisor:${platform}");
        }
    }

    @Test
    void everyDecisionTableIsDeployedWithTheProcesses() {
        assertThat(List.of(ProcessEngineBootstrap.MODELS))
                .containsAll(ProcessVariables.DECISIONS.stream()
                        .map(key -> key + ".dmn")
                        .toList());
    }

    @Test
    void theDecisionTablesNameExactlyTheCategoriesAndUrgenciesTheCodeKnows() {
        for (String key : List.of("Priority", "UnitKind", "Validation")) {
            DecisionTable table = table(key);
            assertThat(allowedValues(input(table, "category")))
                    .as("categories of %s", key)
                    .containsExactlyInAnyOrderElementsOf(names(Category.values()));
            assertThat(table.getRules()).allSatisfy(rule -> assertThat(
                            literals(rule.getInputEntries().iterator().next().getTextContent()))
                    .as("categories of %s", rule.getId())
                    .isSubsetOf(names(Category.values())));
        }
        assertThat(allowedValues(input(table("Priority"), "urgency")))
                .containsExactlyInAnyOrderElementsOf(names(Urgency.values()));
    }

    @Test
    void everyDecisionTableOutputIsAValueTheCodeKnows() {
        assertOutputs("Priority", "priority", names(Priority.values()));
        assertOutputs("UnitKind", "unitKind", names(UnitKind.values()));
        assertOutputs("Validation", "validation", names(ProcessVariables.Validation.values()));
        DecisionTable levels = table("ServiceLevels");
        assertThat(allowedValues(input(levels, "priority")))
                .containsExactlyInAnyOrderElementsOf(names(Priority.values()));
        assertThat(levels.getOutputs())
                .extracting(Output::getName)
                .containsExactly("timeToValidate", "timeToForward", "timeToAcknowledge");
        for (Rule rule : levels.getRules()) {
            for (OutputEntry entry : rule.getOutputEntries()) {
                List<String> values = literals(entry.getTextContent());
                assertThat(values).as(entry.getId()).hasSize(1);
                assertThat(Duration.parse(values.get(0))).as(entry.getId()).isPositive();
            }
        }
        assertThat(levels.getRules().stream()
                        .flatMap(rule -> literals(
                                rule.getInputEntries().iterator().next().getTextContent())
                                .stream())
                        .toList())
                .containsExactlyInAnyOrderElementsOf(names(Priority.values()));
    }

    /** The table's one output: its declared values and every value its rules give are the enum's names. */
    private static void assertOutputs(String key, String output, List<String> known) {
        DecisionTable table = table(key);
        assertThat(table.getOutputs()).extracting(Output::getName).containsExactly(output);
        Output declared = table.getOutputs().iterator().next();
        assertThat(literals(declared.getOutputValues().getTextContent()))
                .as("declared values of %s.%s", key, output)
                .containsExactlyInAnyOrderElementsOf(known);
        List<String> given = table.getRules().stream()
                .flatMap(rule -> rule.getOutputEntries().stream())
                .flatMap(entry -> literals(entry.getTextContent()).stream())
                .toList();
        assertThat(given).as("values the rules of %s give", key).isNotEmpty().isSubsetOf(known);
    }

    private static DecisionTable table(String key) {
        DmnModelInstance model =
                Dmn.readModelFromStream(ModelContractTest.class.getClassLoader().getResourceAsStream(key + ".dmn"));
        Decision decision = model.getModelElementById(key);
        return (DecisionTable) decision.getExpression();
    }

    private static Input input(DecisionTable table, String expression) {
        return table.getInputs().stream()
                .filter(input ->
                        input.getInputExpression().getText().getTextContent().equals(expression))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no input " + expression));
    }

    private static List<String> allowedValues(Input input) {
        return literals(input.getInputValues().getTextContent());
    }

    /** The string literals of a FEEL list of strings ({@code "A","B"}); anything else is refused. */
    private static List<String> literals(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(","))
                .map(String::strip)
                .map(literal -> {
                    assertThat(literal).as("a string literal").matches("\"\\w+\"");
                    return literal.substring(1, literal.length() - 1);
                })
                .toList();
    }

    @Test
    void theAcknowledgementTimersReadTheDeadlinesTheCodeSetsAndEscalateEveryStepOnce() {
        BpmnModelInstance model = read("ReportLifecycle.bpmn");
        List<String> dates =
                model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.BoundaryEvent.class).stream()
                        .filter(b -> b.getAttachedTo().getId().equals(ProcessVariables.TASK_ACKNOWLEDGE_REPORT))
                        .map(b -> ((org.camunda.bpm.model.bpmn.instance.TimerEventDefinition)
                                        b.getEventDefinitions().iterator().next())
                                .getTimeDate()
                                .getTextContent())
                        .toList();
        assertThat(dates)
                .containsExactlyInAnyOrder(
                        "${" + ProcessVariables.ACKNOWLEDGE_DUE_AT + "}",
                        "${" + ProcessVariables.ACKNOWLEDGE_DEPARTMENT_DUE_AT + "}");
        List<String> steps = model.getModelElementsByType(CamundaField.class).stream()
                .filter(field -> "step".equals(field.getCamundaName()))
                .map(field -> field.getCamundaString().getTextContent())
                .toList();
        assertThat(steps)
                .containsExactlyInAnyOrder(names(fr.relais.forwarding.boundary.Escalations.Step.values())
                        .toArray(String[]::new));
    }

    @Test
    void everyStageTheModelAnnouncesIsAReportStatusAndEveryStatusIsAnnounced() {
        List<String> stages = read("ReportLifecycle.bpmn").getModelElementsByType(CamundaField.class).stream()
                .filter(field -> "stage".equals(field.getCamundaName()))
                .map(field -> field.getCamundaStringValue() != null
                        ? field.getCamundaStringValue()
                        : field.getCamundaString().getTextContent())
                .toList();

        assertThat(stages).isNotEmpty().allSatisfy(stage -> assertThat(names(Report.Status.values()))
                .contains(stage));
        assertThat(stages).containsAll(names(Report.Status.values()));
    }

    private static List<String> decidedValues(String model, String gatewayId, String variable) {
        ExclusiveGateway gateway = read(model).getModelElementById(gatewayId);
        return gateway.getOutgoing().stream()
                .map(flow -> {
                    Matcher m = CONDITION.matcher(flow.getConditionExpression().getTextContent());
                    assertThat(m.matches()).as("condition of %s", flow.getId()).isTrue();
                    assertThat(m.group(1)).isEqualTo(variable);
                    return m.group(2);
                })
                .toList();
    }

    private static BpmnModelInstance read(String model) {
        return Bpmn.readModelFromStream(ModelContractTest.class.getClassLoader().getResourceAsStream(model));
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
