package fr.relais.audit.boundary;

import fr.relais.workflow.EngineHistory;
import jakarta.json.JsonObject;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A report's history for auditors and administrators: the process runs (definition key, version and id,
 * for the diagram) and one timeline, by time, of the engine's steps and the application's events.
 */
public record ReportHistory(long reportId, String reference, List<EngineHistory.Run> processes, List<Item> timeline)
        implements Serializable {

    public static final String ENGINE = "engine";
    public static final String APPLICATION = "application";

    /**
     * One item: {@code source} {@code engine} or {@code application}; {@code kind} (an engine step kind,
     * or the event's kind); {@code at} and, for engine steps, {@code end} and {@code durationMs};
     * {@code who} and their role; {@code name} (the element id and name, for engine steps); details.
     */
    public record Item(
            String source,
            String kind,
            Instant at,
            Instant end,
            Long durationMs,
            String who,
            String role,
            String element,
            String name,
            Long eventId,
            Long seq,
            JsonObject details)
            implements Serializable {}
}
