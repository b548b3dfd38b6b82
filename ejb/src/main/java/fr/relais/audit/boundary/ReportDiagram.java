package fr.relais.audit.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * What the history page draws: one diagram per process instance the report ran (its lifecycle first, then
 * each delivery to its unit's own system), each with the BPMN XML of the exact process definition that
 * instance ran, each pass through an element (when, how long) and the sequence flows taken.
 */
public record ReportDiagram(long reportId, List<Process> processes) {

    /** One process instance the report ran, drawn with the path it took. */
    public record Process(
            String processInstanceId,
            String definitionId,
            String definitionKey,
            int definitionVersion,
            Instant startedAt,
            Instant endedAt,
            String bpmnXml,
            List<Activity> activities,
            List<String> flows)
            implements Serializable {}

    /** One pass through an element of the model ({@code kind}: activity, timer, user_task). */
    public record Activity(String id, String kind, String name, Instant startedAt, Instant endedAt, Long durationMs)
            implements Serializable {}
}
