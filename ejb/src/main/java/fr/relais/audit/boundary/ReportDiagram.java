package fr.relais.audit.boundary;

import java.time.Instant;
import java.util.List;

/**
 * What the history page draws: the BPMN XML of the exact process definition the report's lifecycle ran,
 * each pass through an element (when, how long) and the sequence flows taken.
 */
public record ReportDiagram(
        long reportId,
        String definitionId,
        String definitionKey,
        int definitionVersion,
        String bpmnXml,
        List<Activity> activities,
        List<String> flows) {

    /** One pass through an element of the model ({@code kind}: activity, timer, user_task). */
    public record Activity(String id, String kind, String name, Instant startedAt, Instant endedAt, Long durationMs) {}
}
