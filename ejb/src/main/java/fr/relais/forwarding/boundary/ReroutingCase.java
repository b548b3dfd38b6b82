package fr.relais.forwarding.boundary;

import fr.relais.directory.entity.Unit;
import fr.relais.forwarding.entity.Handoff;
import fr.relais.qualification.entity.Report;
import java.io.Serializable;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A report waiting for a supervisor to choose its unit: declined (which unit, which agent, when, why,
 * and the unit it suggested), or no unit covers it. {@code decliningUnits} are every unit that declined
 * it; {@code history} its earlier forwardings, oldest first; {@code candidates} the units a supervisor
 * may choose, the suggested unit first and the units that declined last, marked.
 */
public record ReroutingCase(
        long id,
        String reference,
        String category,
        String postalCode,
        String commune,
        boolean urgent,
        Instant createdAt,
        String declinedBy,
        String declinedByAgent,
        String declineReason,
        Instant declinedAt,
        String suggestedUnit,
        List<String> decliningUnits,
        List<HandoffStep> history,
        List<Candidate> candidates)
        implements Serializable {

    /** A unit a supervisor may send the report to. */
    public record Candidate(String code, String name, boolean suggested, boolean declined) implements Serializable {}

    static ReroutingCase of(Report r, Handoff declined, List<Handoff> handoffs, List<Unit> units) {
        List<String> declining = handoffs.stream()
                .filter(h -> h.decision() == Handoff.Decision.DECLINED)
                .map(Handoff::unitCode)
                .distinct()
                .toList();
        String suggested = declined == null ? null : declined.suggestedUnit();
        List<Candidate> candidates = units.stream()
                .map(u -> new Candidate(
                        u.code(),
                        u.name(),
                        u.code().equals(suggested) && !declining.contains(u.code()),
                        declining.contains(u.code())))
                .sorted(Comparator.comparingInt((Candidate c) -> c.declined() ? 2 : c.suggested() ? 0 : 1))
                .toList();
        return new ReroutingCase(
                r.id(),
                r.reference(),
                r.category() == null ? null : r.category().name(),
                r.postalCode(),
                r.commune(),
                r.urgent(),
                r.createdAt(),
                declined == null ? null : declined.unitCode(),
                declined == null ? null : declined.decidedBy(),
                declined == null ? null : declined.declineReason(),
                declined == null ? null : declined.decidedAt(),
                suggested,
                declining,
                handoffs.stream().map(HandoffStep::of).toList(),
                candidates);
    }
}
