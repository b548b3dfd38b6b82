package fr.relais.forwarding.boundary;

import fr.relais.audit.boundary.AuditTrail;
import fr.relais.audit.boundary.Chain;
import fr.relais.directory.boundary.Caller;
import fr.relais.directory.boundary.Communes;
import fr.relais.directory.boundary.Directory;
import fr.relais.directory.control.Commune;
import fr.relais.directory.entity.Unit;
import fr.relais.forwarding.control.CompetenceRule;
import fr.relais.forwarding.entity.Handoff;
import fr.relais.qualification.entity.Category;
import fr.relais.qualification.entity.Report;
import fr.relais.shared.DomainException;
import fr.relais.shared.Role;
import fr.relais.workflow.ProcessVariables;
import fr.relais.workflow.ProcessVariables.Acknowledgement;
import fr.relais.workflow.ProcessVariables.UnitDecision;
import fr.relais.workflow.Workflow;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Competence, and the units' side of a report: their inbox, acknowledging, taking over, declining,
 * the outcome, rerouting. Owns
 * the handoffs; reads reports, never changes them.
 */
@Stateless
public class Forwarding {
    private static final Logger LOG = Logger.getLogger(Forwarding.class.getName());
    private static final String NOT_FOUND = "report_not_found";
    private static final String NOT_FOUND_MESSAGE = "Signalement introuvable.";

    @PersistenceContext
    EntityManager em;

    @EJB
    Directory directory;

    @EJB
    Workflow workflow;

    @EJB
    Communes communes;

    @EJB
    Deliveries deliveries;

    @EJB
    AuditTrail trail;

    Clock clock = Clock.systemUTC();

    /**
     * Called by the engine: forwards the report to the competent unit ({@link CompetenceRule}: from the
     * commune of the facts and the kind of unit qualification decided), recording which rule chose it
     * and why; to nobody when the place cannot be told or no unit is competent (the platform's
     * supervisors then choose one).
     */
    public Optional<String> forwardToCompetentUnit(long reportId) {
        Report report = em.find(Report.class, reportId);
        Optional<Commune> commune = communes.locate(report.communeInsee(), report.commune(), report.postalCode());
        if (commune.isEmpty()) {
            LOG.info(() -> "report " + reportId + ": place unknown, left to the supervisors");
            return Optional.empty();
        }
        Optional<CompetenceRule.Decision> decision =
                CompetenceRule.decide(commune.get(), report.unitKind(), new CompetenceRule.Units() {
                    @Override
                    public List<Unit> covering(Set<String> insee) {
                        return directory.unitsCoveringCommunes(insee);
                    }

                    @Override
                    public List<Unit> ofDepartment(String department, Set<Unit.Kind> kinds) {
                        return directory.unitsOfDepartment(department, kinds);
                    }
                });
        if (decision.isEmpty()) {
            return Optional.empty();
        }
        var d = decision.get();
        em.persist(searchable(new Handoff(
                reportId, d.unit().code(), null, clock.instant(), d.rule().name(), d.reason())));
        deliveries.handedOver(reportId, d.unit().code());
        trail.record(
                Chain.report(reportId),
                "forwarded",
                Map.of("unit", d.unit().code(), "rule", d.rule().name()));
        return Optional.of(d.unit().code());
    }

    /** The reports waiting for the caller's unit's answer, oldest first. */
    @RolesAllowed(Role.UNIT_AGENT)
    public List<UnitReport> inbox() {
        Caller caller = unitAgent();
        return em
                .createNamedQuery(Handoff.PENDING_FOR_UNIT, Handoff.class)
                .setParameter("unitCode", caller.unitCode())
                .getResultList()
                .stream()
                .map(h -> UnitReport.of(em.find(Report.class, h.reportId()), h))
                .toList();
    }

    /**
     * The reports the caller's unit took over, most recent take-over first (at most 200), filtered by a
     * part of the reference, the category and the day of take-over (from and to included, UTC).
     */
    @RolesAllowed(Role.UNIT_AGENT)
    public List<UnitReport> takenOver(String reference, Category category, LocalDate from, LocalDate to) {
        Caller caller = unitAgent();
        StringBuilder jpql = new StringBuilder("select h from Handoff h, Report r where r.id = h.reportId"
                + " and h.unitCode = :unitCode and h.decision = :accepted");
        String ref = reference == null ? "" : reference.strip().toUpperCase(Locale.ROOT);
        if (!ref.isEmpty()) {
            jpql.append(" and r.reference like :reference");
        }
        if (category != null) {
            jpql.append(" and r.category = :category");
        }
        if (from != null) {
            jpql.append(" and h.decidedAt >= :from");
        }
        if (to != null) {
            jpql.append(" and h.decidedAt < :to");
        }
        jpql.append(" order by h.decidedAt desc, h.id desc");
        TypedQuery<Handoff> query = em.createQuery(jpql.toString(), Handoff.class)
                .setParameter("unitCode", caller.unitCode())
                .setParameter("accepted", Handoff.Decision.ACCEPTED)
                .setMaxResults(200);
        if (!ref.isEmpty()) {
            query.setParameter(
                    "reference", "%" + ref.replace("\\", "").replace("%", "").replace("_", "") + "%");
        }
        if (category != null) {
            query.setParameter("category", category);
        }
        if (from != null) {
            query.setParameter("from", from.atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (to != null) {
            query.setParameter("to", to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        return query.getResultList().stream()
                .map(h -> UnitReport.of(em.find(Report.class, h.reportId()), h))
                .toList();
    }

    /**
     * A report the caller's unit has (waiting, acknowledged, taken over or closed), with the history of
     * its handoffs; any other does not exist for it.
     */
    @RolesAllowed(Role.UNIT_AGENT)
    public UnitReport unitReport(long reportId) {
        Caller caller = unitAgent();
        Optional<Handoff> escalated = lastHandoff(reportId)
                .filter(h -> !caller.worksIn(h.unitCode()) && h.heldByUnit() && h.escalatedTo(caller.unitCode()));
        if (escalated.isPresent()) {
            return UnitReport.of(em.find(Report.class, reportId), escalated.get(), history(reportId), true);
        }
        Handoff handoff = heldHandoff(reportId, caller, LockModeType.NONE);
        return UnitReport.of(em.find(Report.class, reportId), handoff, history(reportId));
    }

    /**
     * For the agents of a departmental unit: the reports whose acknowledgement the units of its
     * department missed twice, escalated to it and still unanswered, earliest escalation first. Read
     * only: the departmental level follows them up with the unit, it does not answer for it.
     */
    @RolesAllowed(Role.UNIT_AGENT)
    public List<UnitReport> escalatedToDepartment() {
        Caller caller = unitAgent();
        return em
                .createNamedQuery(Handoff.ESCALATED_TO_DEPARTMENT, Handoff.class)
                .setParameter("unitCode", caller.unitCode())
                .getResultList()
                .stream()
                .map(h -> UnitReport.of(em.find(Report.class, h.reportId()), h, List.of(), true))
                .toList();
    }

    /**
     * The unit acknowledges receipt: the acknowledgement clock stops ({@code Task_AcknowledgeReport}); the
     * take-over, or a refusal, follows as a second step ({@code Task_TakeOverReport}).
     */
    @RolesAllowed(Role.UNIT_AGENT)
    public UnitReport acknowledge(long reportId) {
        Caller caller = unitAgent();
        Handoff handoff = heldHandoff(reportId, caller, LockModeType.PESSIMISTIC_WRITE);
        handoff.acknowledge(caller.username(), clock.instant());
        Report report = em.find(Report.class, reportId);
        workflow.complete(
                report.processInstanceId(),
                ProcessVariables.TASK_ACKNOWLEDGE_REPORT,
                caller.actor(),
                Map.of(ProcessVariables.ACKNOWLEDGEMENT, Acknowledgement.ACKNOWLEDGED.name()));
        trail.record(Chain.report(reportId), "acknowledged", Map.of("unit", handoff.unitCode()));
        return UnitReport.of(report, handoff, history(reportId));
    }

    /** The unit's answer without a suggestion, see {@link #answer(long, UnitDecision, String, String)}. */
    @RolesAllowed(Role.UNIT_AGENT)
    public UnitReport answer(long reportId, UnitDecision decision, String reason) {
        return answer(reportId, decision, reason, null);
    }

    /**
     * The unit's answer: it takes the report over (the platform's part ends; the unit records an
     * outcome later), or declines it as not competent with a reason and perhaps a suggested unit (the
     * report goes back to the platform's supervisors, and the unit loses it). Given before the unit
     * acknowledged receipt, it acknowledges too, in one step ({@code Task_AcknowledgeReport}); after,
     * it completes {@code Task_TakeOverReport}, which opens once the engine recorded the acknowledgement
     * (until then: 409 {@code acknowledgement_pending}).
     */
    @RolesAllowed(Role.UNIT_AGENT)
    public UnitReport answer(long reportId, UnitDecision decision, String reason, String suggestedUnit) {
        if (decision == null) {
            throw DomainException.invalid("invalid_decision", "Réponse de l'unité manquante.");
        }
        if (decision == UnitDecision.DECLINED && (reason == null || reason.isBlank() || reason.length() > 1000)) {
            throw DomainException.invalid(
                    "invalid_reason", "Le motif du refus est obligatoire (1000 caractères au plus).");
        }
        String suggestion = suggestedUnit == null || suggestedUnit.isBlank() ? null : suggestedUnit.strip();
        if (decision == UnitDecision.DECLINED && suggestion != null) {
            suggestion = directory
                    .unit(suggestion)
                    .map(Unit::code)
                    .orElseThrow(() -> DomainException.invalid("unknown_unit", "Unité suggérée inconnue."));
        }
        Caller caller = unitAgent();
        Handoff handoff = heldHandoff(reportId, caller, LockModeType.PESSIMISTIC_WRITE);
        boolean acknowledged = handoff.acknowledged();
        Report report = em.find(Report.class, reportId);
        if (acknowledged && handoff.decision() == null && report.status() != Report.Status.ACKNOWLEDGED) {
            throw DomainException.conflict(
                    "acknowledgement_pending",
                    "L'accusé de réception est en cours d'enregistrement : réessayez dans un instant.");
        }
        if (decision == UnitDecision.ACCEPTED) {
            handoff.accept(caller.username(), clock.instant());
        } else {
            if (suggestion != null && suggestion.equals(handoff.unitCode())) {
                throw DomainException.invalid("invalid_suggestion", "L'unité suggérée ne peut pas être la vôtre.");
            }
            handoff.decline(caller.username(), reason.strip(), suggestion, clock.instant());
        }
        if (acknowledged) {
            workflow.complete(
                    report.processInstanceId(),
                    ProcessVariables.TASK_TAKE_OVER_REPORT,
                    caller.actor(),
                    Map.of(ProcessVariables.UNIT_DECISION, decision.name()));
        } else {
            // unitDecision too: a report still in a process of the former model (one step) goes on
            workflow.complete(
                    report.processInstanceId(),
                    ProcessVariables.TASK_ACKNOWLEDGE_REPORT,
                    caller.actor(),
                    Map.of(
                            ProcessVariables.ACKNOWLEDGEMENT,
                            decision == UnitDecision.ACCEPTED
                                    ? Acknowledgement.TAKEN_OVER.name()
                                    : Acknowledgement.DECLINED.name(),
                            ProcessVariables.UNIT_DECISION,
                            decision.name()));
        }
        trail.record(
                Chain.report(reportId),
                decision == UnitDecision.ACCEPTED ? "taken_over" : "declined",
                answered(handoff));
        return UnitReport.of(report, handoff, history(reportId));
    }

    /**
     * After take-over, the unit records what it did ({@code Task_RecordOutcome}): the report closes (its
     * retention clock starts). Opens once the engine recorded the take-over (until then: 409
     * {@code take_over_pending}).
     */
    @RolesAllowed(Role.UNIT_AGENT)
    public UnitReport recordOutcome(long reportId, Handoff.Outcome outcome, String note) {
        if (outcome == null) {
            throw DomainException.invalid("invalid_outcome", "Suite donnée manquante ou inconnue.");
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > 1000) {
            throw DomainException.invalid("invalid_note", "Le commentaire compte 1000 caractères au plus.");
        }
        if (outcome == Handoff.Outcome.OTHER && text == null) {
            throw DomainException.invalid("invalid_note", "Précisez la suite donnée.");
        }
        Caller caller = unitAgent();
        Handoff handoff = heldHandoff(reportId, caller, LockModeType.PESSIMISTIC_WRITE);
        Report report = em.find(Report.class, reportId);
        if (handoff.decision() == Handoff.Decision.ACCEPTED
                && handoff.outcome() == null
                && report.status() != Report.Status.TAKEN_OVER) {
            throw DomainException.conflict(
                    "take_over_pending",
                    "La prise en charge est en cours d'enregistrement : réessayez dans un instant.");
        }
        handoff.recordOutcome(outcome, text, caller.username(), clock.instant());
        workflow.complete(report.processInstanceId(), ProcessVariables.TASK_RECORD_OUTCOME, caller.actor(), Map.of());
        trail.record(
                Chain.report(reportId),
                "outcome_recorded",
                Map.of("unit", handoff.unitCode(), "outcome", outcome.name(), "noteGiven", text != null));
        return UnitReport.of(report, handoff, history(reportId));
    }

    /** A unit's answer, for the audit trail: the reason is the unit's staff's own text. */
    private static Map<String, Object> answered(Handoff handoff) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("unit", handoff.unitCode());
        fields.put("decision", handoff.decision().name());
        fields.put("reason", handoff.declineReason());
        fields.put("suggestedUnit", handoff.suggestedUnit());
        return fields;
    }

    /** The forwardings of a report, oldest first. */
    List<HandoffStep> history(long reportId) {
        return handoffs(reportId).stream().map(HandoffStep::of).toList();
    }

    private List<Handoff> handoffs(long reportId) {
        List<Handoff> handoffs = new ArrayList<>(em.createNamedQuery(Handoff.OF_REPORT, Handoff.class)
                .setParameter("reportId", reportId)
                .getResultList());
        Collections.reverse(handoffs);
        return handoffs;
    }

    /** A supervisor of the report's platform sends it to the unit they chose. */
    @RolesAllowed(Role.SUPERVISOR)
    public Report reroute(long reportId, String unitCode) {
        Caller caller = directory.currentCaller();
        Report report = em.find(Report.class, reportId);
        if (report == null || !caller.worksOn(report.platform())) {
            throw DomainException.notFound(NOT_FOUND, NOT_FOUND_MESSAGE);
        }
        Unit unit =
                directory.unit(unitCode).orElseThrow(() -> DomainException.invalid("unknown_unit", "Unité inconnue."));
        em.persist(searchable(new Handoff(
                reportId,
                unit.code(),
                caller.username(),
                clock.instant(),
                CompetenceRule.Rule.REROUTED.name(),
                "Unité choisie par " + caller.username() + " (réorientation par la supervision).")));
        deliveries.handedOver(reportId, unit.code());
        workflow.complete(
                report.processInstanceId(),
                ProcessVariables.TASK_REROUTE_REPORT,
                caller.actor(),
                Map.of(ProcessVariables.UNIT_CODE, unit.code()));
        trail.record(
                Chain.report(reportId),
                "rerouted",
                Map.of("unit", unit.code(), "rule", CompetenceRule.Rule.REROUTED.name()));
        return report;
    }

    /**
     * Reports waiting for rerouting on the caller's platform, with the last unit's refusal if any (who,
     * when, why, its suggestion), the earlier handoffs and the units to choose from, those that declined
     * last.
     */
    @RolesAllowed(Role.SUPERVISOR)
    public List<ReroutingCase> awaitingReroute() {
        Caller caller = directory.currentCaller();
        List<Unit> units = directory.units();
        return em
                .createNamedQuery(Report.OF_PLATFORM_IN, Report.class)
                .setParameter("platform", caller.platform())
                .setParameter("statuses", List.of(Report.Status.REROUTING))
                .getResultList()
                .stream()
                .map(r -> ReroutingCase.of(
                        r,
                        lastHandoff(r.id())
                                .filter(h -> h.decision() == Handoff.Decision.DECLINED)
                                .orElse(null),
                        handoffs(r.id()),
                        units))
                .toList();
    }

    /** The last forwarding of a report, if it was forwarded ({@link Handoff#lastOf}). */
    public Optional<Handoff> lastHandoff(long reportId) {
        return Handoff.lastOf(em, reportId);
    }

    private Caller unitAgent() {
        Caller caller = directory.currentCaller();
        if (caller.unitCode() == null) {
            throw DomainException.forbidden("Aucune unité associée.");
        }
        return caller;
    }

    /** The caller's unit's handoff of the report, unless it declined it: otherwise the report does not exist for it. */
    private Handoff heldHandoff(long reportId, Caller caller, LockModeType lock) {
        Handoff last = lastHandoff(reportId)
                .filter(h -> caller.worksIn(h.unitCode()) && h.heldByUnit())
                .orElseThrow(() -> DomainException.notFound(NOT_FOUND, NOT_FOUND_MESSAGE));
        if (lock != LockModeType.NONE) {
            // re-read under the row lock: another agent of the unit may have answered meanwhile
            em.refresh(last, lock);
        }
        return last;
    }

    /**
     * A new handoff with the report's platform copied on it (the handoffs' figures read it from the handoff,
     * V52), marked as the report's first to its unit when it is (the auditors' search by unit reads those,
     * each report once).
     */
    private Handoff searchable(Handoff handoff) {
        long earlier = em.createQuery(
                        "select count(h) from Handoff h where h.reportId = :reportId and h.unitCode = :unitCode",
                        Long.class)
                .setParameter("reportId", handoff.reportId())
                .setParameter("unitCode", handoff.unitCode())
                .getSingleResult();
        Report report = em.find(Report.class, handoff.reportId());
        if (report == null) {
            return handoff;
        }
        handoff.onPlatform(report.platform());
        return earlier == 0 ? handoff.firstToUnit(report.createdAt()) : handoff;
    }
}
