package fr.relais.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.intake.entity.Chat;
import fr.relais.qualification.entity.Report;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaField;
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
