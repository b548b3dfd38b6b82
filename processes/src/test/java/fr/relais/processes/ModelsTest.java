package fr.relais.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules every model follows, checked on the model files themselves. */
class ModelsTest {

    @ParameterizedTest
    @ValueSource(strings = {Models.CONVERSATION, Models.REPORT_LIFECYCLE, Models.DANGER_NOW, Models.DELIVERY})
    void keepsHistoryAndCallsDelegatesByExpression(String resource) {
        BpmnModelInstance model = Models.read(resource);

        assertThat(model.getModelElementsByType(Process.class)).isNotEmpty().allSatisfy(process -> assertThat(
                        process.getCamundaHistoryTimeToLiveString())
                .as("historyTimeToLive of %s", process.getId())
                .isNotBlank());
        assertThat(model.getModelElementsByType(ServiceTask.class)).allSatisfy(serviceTask -> {
            assertThat(serviceTask.getCamundaDelegateExpression())
                    .as("delegateExpression of %s", serviceTask.getId())
                    .isNotBlank();
            assertThat(serviceTask.getCamundaClass()).isNull();
            assertThat(serviceTask.getCamundaExpression()).isNull();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {Models.CONVERSATION, Models.REPORT_LIFECYCLE, Models.DANGER_NOW, Models.DELIVERY})
    void decidesEveryGatewayByConditionsWithoutADefault(String resource) {
        BpmnModelInstance model = Models.read(resource);

        assertThat(model.getModelElementsByType(ExclusiveGateway.class)).allSatisfy(gateway -> {
            assertThat(gateway.getDefault())
                    .as("default flow of %s", gateway.getId())
                    .isNull();
            assertThat(gateway.getOutgoing())
                    .as("outgoing flows of %s", gateway.getId())
                    .hasSizeGreaterThan(1)
                    .allSatisfy(flow -> assertThat(flow.getConditionExpression())
                            .as("condition of %s", flow.getId())
                            .isNotNull());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {Models.CONVERSATION, Models.REPORT_LIFECYCLE, Models.DANGER_NOW, Models.DELIVERY})
    void runsServiceTasksAndDecisionsOnPeoplesAnswersAsynchronously(String resource) {
        BpmnModelInstance model = Models.read(resource);

        assertThat(model.getModelElementsByType(ServiceTask.class).stream()
                        .filter(task ->
                                task.getIncoming().stream().anyMatch(flow -> flow.getSource() instanceof UserTask))
                        .toList())
                .allSatisfy(task -> assertThat(task.isCamundaAsyncBefore())
                        .as("%s follows a person's step", task.getId())
                        .isTrue());
        assertThat(model.getModelElementsByType(ExclusiveGateway.class).stream()
                        .filter(gateway ->
                                gateway.getIncoming().stream().anyMatch(flow -> flow.getSource() instanceof UserTask))
                        .toList())
                .allSatisfy(gateway -> assertThat(gateway.isCamundaAsyncBefore())
                        .as("%s decides on a person's answer", gateway.getId())
                        .isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {Models.CONVERSATION, Models.REPORT_LIFECYCLE, Models.DANGER_NOW, Models.DELIVERY})
    void drawsEveryFlowElementSoTheModelerCanOpenIt(String resource) {
        BpmnModelInstance model = Models.read(resource);

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
}
