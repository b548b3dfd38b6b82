package fr.relais.forwarding.boundary;

import fr.relais.directory.boundary.Caller;
import fr.relais.directory.boundary.Directory;
import fr.relais.directory.entity.Unit;
import fr.relais.qualification.entity.Report;
import fr.relais.shared.DomainException;
import fr.relais.shared.Role;
import fr.relais.workflow.ProcessVariables;
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
import java.util.function.BiConsumer;

/** Competence, and the units' side of a report: their inbox, taking over, declining, rerouting. */
@Stateless
public class Forwarding {
    /** Where a report goes when no unit covers its place: the platform's supervisors reroute it. */
    public static final String UNRESOLVED = "UNRESOLVED";

    @PersistenceContext
    EntityManager em;

    @EJB
    Directory directory;

    @EJB
    Workflow workflow;

    Clock clock = Clock.systemUTC();

    /**
     * Called by the engine: forwards the report to the unit covering its place. When none does, the
     * report waits for the platform's supervisors to choose one, and the process knows it.
     */
    public String forwardToCompetentUnit(long reportId) {
        Report report = em.find(Report.class, reportId, LockModeType.PESSIMISTIC_WRITE);
        List<Unit> units = directory.unitsCovering(report.postalCode());
        if (units.isEmpty()) {
            report.awaitRerouting();
            return UNRESOLVED;
        }
        String unitCode = units.get(0).code();
        report.forwardTo(unitCode, clock.instant());
        return unitCode;
    }

    /** The caller's unit's reports waiting for it. */
    @RolesAllowed(Role.UNIT_AGENT)
    public List<Report> inbox() {
        Caller caller = directory.currentCaller();
        if (caller.unitCode() == null) {
            throw DomainException.forbidden("Aucune unité associée.");
        }
        return em.createNamedQuery(Report.FORWARDED_TO, Report.class)
                .setParameter("unitCode", caller.unitCode())
                .setParameter("statuses", List.of(Report.Status.FORWARDED))
                .getResultList();
    }

    /** The unit acknowledges the report and takes it over: the platform's part ends. */
    @RolesAllowed(Role.UNIT_AGENT)
    public Report takeOver(long reportId) {
        return decide(reportId, "ACCEPTED", (report, agent) -> report.takeOver(agent, clock.instant()));
    }

    /** The unit is not competent: the report goes back to the platform's supervisors. */
    @RolesAllowed(Role.UNIT_AGENT)
    public Report decline(long reportId, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw DomainException.invalid(
                    "invalid_reason", "Le motif du refus est obligatoire (1000 caractères au plus).");
        }
        return decide(reportId, "DECLINED", (report, agent) -> report.decline(reason));
    }

    /** A supervisor of the report's platform sends a declined report to another unit. */
    @RolesAllowed(Role.SUPERVISOR)
    public Report reroute(long reportId, String unitCode) {
        Caller caller = directory.currentCaller();
        Report report = em.find(Report.class, reportId, LockModeType.PESSIMISTIC_WRITE);
        if (report == null) {
            throw DomainException.notFound("report_not_found", "Signalement introuvable.");
        }
        caller.requirePlatform(report.platform());
        Unit unit =
                directory.unit(unitCode).orElseThrow(() -> DomainException.invalid("unknown_unit", "Unité inconnue."));
        report.forwardTo(unit.code(), clock.instant());
        workflow.complete(
                report.processInstanceId(),
                ProcessVariables.TASK_REROUTE_REPORT,
                caller.username(),
                Map.of(ProcessVariables.UNIT_CODE, unit.code()));
        return report;
    }

    /** Reports waiting for rerouting on the caller's platform. */
    @RolesAllowed(Role.SUPERVISOR)
    public List<Report> awaitingReroute() {
        Caller caller = directory.currentCaller();
        return em.createNamedQuery(Report.OF_PLATFORM_IN, Report.class)
                .setParameter("platform", caller.platform())
                .setParameter("statuses", List.of(Report.Status.REROUTING))
                .getResultList();
    }

    /** Records the unit's decision on the report and completes the unit's step with it. */
    private Report decide(long reportId, String decision, BiConsumer<Report, String> change) {
        Caller caller = directory.currentCaller();
        Report report = unitReport(reportId, caller);
        change.accept(report, caller.username());
        workflow.complete(
                report.processInstanceId(),
                ProcessVariables.TASK_ACKNOWLEDGE_REPORT,
                caller.username(),
                Map.of(ProcessVariables.UNIT_DECISION, decision));
        return report;
    }

    private Report unitReport(long reportId, Caller caller) {
        Report report = em.find(Report.class, reportId, LockModeType.PESSIMISTIC_WRITE);
        if (report == null || !caller.worksIn(report.unitCode())) {
            // another unit's report does not exist for this caller
            throw DomainException.notFound("report_not_found", "Signalement introuvable.");
        }
        return report;
    }
}
