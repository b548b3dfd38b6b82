package fr.relais.audit.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sequence flows a process instance passed, derived from the activities it passed: Camunda keeps no
 * history of sequence flows, so a flow counts as taken when its source ended at some moment and its target
 * started at or after it. Loops (a flow back to an earlier task) show once the task runs again.
 */
public final class PathTaken {
    private PathTaken() {}

    /** One pass through an element: its id and when it started and ended (null while it runs). */
    public record Passage(String elementId, Instant startedAt, Instant endedAt) {}

    /** A sequence flow: its id and the ids of the elements it joins. */
    public record Flow(String id, String source, String target) {}

    /** The ids of the flows taken, in the order of the model. */
    public static List<String> flows(List<Flow> flows, List<Passage> passages) {
        Map<String, List<Passage>> byElement = new HashMap<>();
        for (Passage p : passages) {
            byElement.computeIfAbsent(p.elementId(), k -> new ArrayList<>()).add(p);
        }
        List<String> taken = new ArrayList<>();
        for (Flow f : flows) {
            List<Passage> sources = byElement.getOrDefault(f.source(), List.of());
            List<Passage> targets = byElement.getOrDefault(f.target(), List.of());
            boolean passed = sources.stream().filter(s -> s.endedAt() != null).anyMatch(s -> targets.stream()
                    .anyMatch(t -> t.startedAt() != null && !t.startedAt().isBefore(s.endedAt())));
            if (passed) {
                taken.add(f.id());
            }
        }
        return taken;
    }
}
