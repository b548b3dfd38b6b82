package fr.relais.qualification.boundary;

import fr.relais.anonymisation.boundary.Anonymisation;
import fr.relais.anonymisation.control.ReporterIdentity;
import fr.relais.directory.boundary.Caller;
import fr.relais.directory.boundary.Directory;
import fr.relais.intake.boundary.Intake;
import fr.relais.intake.entity.Chat;
import fr.relais.qualification.entity.Qualification;
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

/** Reports: made from a conversation, qualified, reviewed before they leave the platform. */
@Stateless
public class Qualifications {
    @PersistenceContext
    EntityManager em;

    @EJB
    Intake intake;

    @EJB
    Directory directory;

    @EJB
    Workflow workflow;

    @EJB
    Anonymisation anonymisation;

    Clock clock = Clock.systemUTC();

    /** Ends the conversation the caller holds as a report, which then waits for qualification. */
    @RolesAllowed(Role.OPERATOR)
    public Report startReport(long chatId) {
        Chat chat = intake.heldChat(chatId);
        chat.close(Chat.Outcome.REPORT, clock.instant());
        Report report =
                new Report(chat.id(), chat.platform(), chat.operator(), chat.processInstanceId(), clock.instant());
        em.persist(report);
        em.flush();
        workflow.complete(
                chat.processInstanceId(),
                ProcessVariables.TASK_HOLD_CONVERSATION,
                chat.operator(),
                Map.of(
                        ProcessVariables.CONVERSATION_OUTCOME,
                        Chat.Outcome.REPORT.name(),
                        ProcessVariables.REPORT_ID,
                        report.id()));
        return report;
    }

    /** Records the qualification; the engine then prepares the outgoing narrative for review. */
    @RolesAllowed(Role.OPERATOR)
    public Report qualify(long reportId, Qualification qualification) {
        if (qualification == null) {
            throw DomainException.invalid("invalid_qualification", "Qualification manquante.");
        }
        Report report = ownReport(reportId);
        report.qualify(qualification.validated(), clock.instant());
        workflow.complete(report.processInstanceId(), ProcessVariables.TASK_QUALIFY, report.operator(), Map.of());
        return report;
    }

    /** Approves the outgoing narrative (as proposed, or as corrected); the engine then forwards it. */
    @RolesAllowed(Role.OPERATOR)
    public Report review(long reportId, String correctedNarrative) {
        if (correctedNarrative != null && correctedNarrative.length() > Qualification.MAX_NARRATIVE) {
            throw DomainException.invalid("narrative_too_long", "Le récit dépasse 20 000 caractères.");
        }
        Report report = ownReport(reportId);
        report.approveOutgoingNarrative(correctedNarrative);
        workflow.complete(
                report.processInstanceId(), ProcessVariables.TASK_REVIEW_ANONYMISATION, report.operator(), Map.of());
        return report;
    }

    /**
     * Called by the engine after qualification: the outgoing narrative, redacted (fail-closed) when
     * the reporter asked for anonymity. The operator reviews it next.
     */
    public void prepareOutgoingNarrative(long reportId) {
        Report report = em.find(Report.class, reportId, LockModeType.PESSIMISTIC_WRITE);
        if (!report.anonymous()) {
            report.proposeOutgoingNarrative(report.narrative());
            return;
        }
        var reporter = report.reporter();
        var identity = new ReporterIdentity(
                reporter.firstName(), reporter.lastName(), reporter.phone(), reporter.email(), null);
        report.proposeOutgoingNarrative(
                anonymisation.redact(report.narrative(), identity).text());
    }

    /** A report as the caller may see it: its platform's staff, its unit, auditors. */
    @RolesAllowed({Role.OPERATOR, Role.SUPERVISOR, Role.PSYCHOLOGIST, Role.UNIT_AGENT, Role.AUDITOR})
    public Report report(long reportId) {
        Report report = find(reportId);
        Caller caller = directory.currentCaller();
        if (caller.has(Role.AUDITOR)) {
            return report;
        }
        if (caller.has(Role.UNIT_AGENT)) {
            // a unit sees only what was forwarded to it; a report elsewhere does not exist for it
            if (!caller.worksIn(report.unitCode())) {
                throw DomainException.notFound("report_not_found", "Signalement introuvable.");
            }
            return report;
        }
        caller.requirePlatform(report.platform());
        return report;
    }

    /** The reports the caller qualifies or reviews now. */
    @RolesAllowed(Role.OPERATOR)
    public List<Report> inProgress() {
        Caller caller = directory.currentCaller();
        return em.createNamedQuery(Report.OF_OPERATOR_IN, Report.class)
                .setParameter("platform", caller.platform())
                .setParameter("operator", caller.username())
                .setParameter("statuses", List.of(Report.Status.QUALIFYING, Report.Status.IN_REVIEW))
                .getResultList();
    }

    private Report ownReport(long reportId) {
        Report report = em.find(Report.class, reportId, LockModeType.PESSIMISTIC_WRITE);
        if (report == null) {
            throw DomainException.notFound("report_not_found", "Signalement introuvable.");
        }
        Caller caller = directory.currentCaller();
        caller.requirePlatform(report.platform());
        if (!report.operator().equals(caller.username())) {
            throw DomainException.forbidden("Ce signalement est suivi par un autre opérateur.");
        }
        return report;
    }

    Report find(long reportId) {
        Report report = em.find(Report.class, reportId);
        if (report == null) {
            throw DomainException.notFound("report_not_found", "Signalement introuvable.");
        }
        return report;
    }
}
