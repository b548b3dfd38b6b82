package fr.relais.forwarding.boundary;

import fr.relais.directory.boundary.Caller;
import fr.relais.directory.boundary.Communes;
import fr.relais.directory.boundary.Directory;
import fr.relais.directory.control.Commune;
import fr.relais.directory.entity.Unit;
import fr.relais.forwarding.control.CompetenceRule;
import fr.relais.forwarding.entity.Handoff;
import fr.relais.qualification.entity.Report;
import fr.relais.shared.DomainException;
import fr.relais.shared.Role;
import fr.relais.workflow.ProcessVariables;
import fr.relais.workflow.ProcessVariables.UnitDecision;
import fr.relais.workflow.Workflow;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Competence, and the units' side of a report: their inbox, taking over, declining, rerouting. Owns
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
        em.persist(new Handoff(
                reportId, d.unit().code(), null, clock.instant(), d.rule().name(), d.reason()));
        deliveries.handedOver(reportId, d.unit().code());
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

    /** A report the caller's unit has (waiting or taken over); any other does not exist for it. */
    @RolesAllowed(Role.UNIT_AGENT)
    public UnitReport unitReport(long reportId) {
        Handoff handoff = heldHandoff(reportId, unitAgent(), LockModeType.NONE);
        return UnitReport.of(em.find(Report.class, reportId), handoff);
    }

    /**
     * The unit's answer, the one way to complete {@code Task_AcknowledgeReport}: it takes the report
     * over (the platform's part ends), or declines it as not competent with a reason (the report goes
     * back to the platform's supervisors, and the unit loses it).
     */
    @RolesAllowed(Role.UNIT_AGENT)
    public UnitReport answer(long reportId, UnitDecision decision, String reason) {
        if (decision == null) {
            throw DomainException.invalid("invalid_decision", "Réponse de l'unité manquante.");
        }
        if (decision == UnitDecision.DECLINED && (reason == null || reason.isBlank() || reason.length() > 1000)) {
            throw DomainException.invalid(
                    "invalid_reason", "Le motif du refus est obligatoire (1000 caractères au plus).");
        }
        Caller caller = unitAgent();
        Handoff handoff = heldHandoff(reportId, caller, LockModeType.PESSIMISTIC_WRITE);
        if (decision == UnitDecision.ACCEPTED) {
            handoff.accept(caller.username(), clock.instant());
        } else {
            handoff.decline(caller.username(), reason.strip(), clock.instant());
        }
        Report report = em.find(Report.class, reportId);
        workflow.complete(
                report.processInstanceId(),
                ProcessVariables.TASK_ACKNOWLEDGE_REPORT,
                caller.actor(),
                Map.of(ProcessVariables.UNIT_DECISION, decision.name()));
        return UnitReport.of(report, handoff);
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
        em.persist(new Handoff(
                reportId,
                unit.code(),
                caller.username(),
                clock.instant(),
                CompetenceRule.Rule.REROUTED.name(),
                "Unité choisie par " + caller.username() + " (réorientation par la supervision)."));
        deliveries.handedOver(reportId, unit.code());
        workflow.complete(
                report.processInstanceId(),
                ProcessVariables.TASK_REROUTE_REPORT,
                caller.actor(),
                Map.of(ProcessVariables.UNIT_CODE, unit.code()));
        return report;
    }

    /** Reports waiting for rerouting on the caller's platform, with the last unit's refusal if any. */
    @RolesAllowed(Role.SUPERVISOR)
    public List<ReroutingCase> awaitingReroute() {
        Caller caller = directory.currentCaller();
        return em
                .createNamedQuery(Report.OF_PLATFORM_IN, Report.class)
                .setParameter("platform", caller.platform())
                .setParameter("statuses", List.of(Report.Status.REROUTING))
                .getResultList()
                .stream()
                .map(r -> ReroutingCase.of(r, lastHandoff(r.id()).orElse(null)))
                .toList();
    }

    /** The last forwarding of a report, if it was forwarded. */
    public Optional<Handoff> lastHandoff(long reportId) {
        return em.createNamedQuery(Handoff.OF_REPORT, Handoff.class)
                .setParameter("reportId", reportId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
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
}
