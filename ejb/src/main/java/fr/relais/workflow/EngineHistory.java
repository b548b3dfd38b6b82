package fr.relais.workflow;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;

/**
 * The engine's history of a report, as plain records (part of the {@link Workflow} facade: nothing of
 * Camunda's types leaves the workflow package): the process instances it ran (its lifecycle, the
 * deliveries to its unit's system) with their definition, and their steps, user tasks, timers,
 * incidents and decision instances.
 */
@Stateless
public class EngineHistory {
    @EJB
    ProcessEngineBootstrap bootstrap;

    /** A process instance the report ran, with the exact definition (for the diagram). */
    public record Run(
            String processInstanceId,
            String definitionKey,
            int definitionVersion,
            String definitionId,
            Instant start,
            Instant end,
            String state)
            implements Serializable {}

    /**
     * One step of the engine's history. {@code kind}: {@code activity}, {@code user_task}, {@code timer},
     * {@code incident}, {@code decision}; {@code who}: the task's assignee (who completed it).
     */
    public record Step(
            String kind,
            String processInstanceId,
            String elementId,
            String name,
            Instant start,
            Instant end,
            Long durationMs,
            String who,
            Map<String, Object> details) {}

    public record History(List<Run> runs, List<Step> steps) {}

    /** The engine's history of the report's lifecycle instance and of the deliveries started for it. */
    public History ofReport(String processInstanceId, long reportId) {
        HistoryService history = bootstrap.engine().getHistoryService();
        List<HistoricProcessInstance> instances = new ArrayList<>();
        if (processInstanceId != null) {
            HistoricProcessInstance lifecycle = history.createHistoricProcessInstanceQuery()
                    .processInstanceId(processInstanceId)
                    .singleResult();
            if (lifecycle != null) {
                instances.add(lifecycle);
            }
        }
        instances.addAll(history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ProcessVariables.DELIVERY)
                .variableValueEquals(ProcessVariables.REPORT_ID, reportId)
                .list());
        List<Run> runs = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        for (HistoricProcessInstance p : instances) {
            runs.add(new Run(
                    p.getId(),
                    p.getProcessDefinitionKey(),
                    p.getProcessDefinitionVersion() == null ? 0 : p.getProcessDefinitionVersion(),
                    p.getProcessDefinitionId(),
                    instant(p.getStartTime()),
                    instant(p.getEndTime()),
                    p.getState()));
            for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery()
                    .processInstanceId(p.getId())
                    .list()) {
                if ("userTask".equals(a.getActivityType())) {
                    continue; // told by the task instances, with who and how long
                }
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("type", a.getActivityType());
                if (a.isCanceled()) {
                    details.put("canceled", true);
                }
                steps.add(new Step(
                        a.getActivityType().toLowerCase(java.util.Locale.ROOT).contains("timer") ? "timer" : "activity",
                        p.getId(),
                        a.getActivityId(),
                        a.getActivityName(),
                        instant(a.getStartTime()),
                        instant(a.getEndTime()),
                        a.getDurationInMillis(),
                        null,
                        details));
            }
            for (HistoricTaskInstance t : history.createHistoricTaskInstanceQuery()
                    .processInstanceId(p.getId())
                    .list()) {
                Map<String, Object> details = new LinkedHashMap<>();
                if (t.getDeleteReason() != null) {
                    details.put("ended", t.getDeleteReason());
                }
                steps.add(new Step(
                        "user_task",
                        p.getId(),
                        t.getTaskDefinitionKey(),
                        t.getName(),
                        instant(t.getStartTime()),
                        instant(t.getEndTime()),
                        t.getDurationInMillis(),
                        t.getAssignee(),
                        details));
            }
            for (HistoricIncident i : history.createHistoricIncidentQuery()
                    .processInstanceId(p.getId())
                    .list()) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("type", i.getIncidentType());
                details.put("message", i.getIncidentMessage());
                details.put("state", i.isResolved() ? "resolved" : i.isDeleted() ? "deleted" : "open");
                steps.add(new Step(
                        "incident",
                        p.getId(),
                        i.getActivityId(),
                        i.getIncidentType(),
                        instant(i.getCreateTime()),
                        instant(i.getEndTime()),
                        null,
                        null,
                        details));
            }
            for (HistoricDecisionInstance d : history.createHistoricDecisionInstanceQuery()
                    .processInstanceId(p.getId())
                    .includeInputs()
                    .includeOutputs()
                    .list()) {
                Map<String, Object> inputs = new LinkedHashMap<>();
                d.getInputs()
                        .forEach(in -> inputs.put(
                                in.getClauseName() == null ? in.getClauseId() : in.getClauseName(),
                                String.valueOf(in.getValue())));
                Map<String, Object> outputs = new LinkedHashMap<>();
                d.getOutputs()
                        .forEach(out -> outputs.put(
                                out.getVariableName() == null ? out.getClauseId() : out.getVariableName(),
                                String.valueOf(out.getValue())));
                steps.add(new Step(
                        "decision",
                        p.getId(),
                        d.getActivityId(),
                        d.getDecisionDefinitionKey(),
                        instant(d.getEvaluationTime()),
                        null,
                        null,
                        null,
                        Map.of("inputs", inputs, "outputs", outputs)));
            }
        }
        return new History(runs, steps);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
