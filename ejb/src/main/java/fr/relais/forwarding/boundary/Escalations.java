package fr.relais.forwarding.boundary;

import fr.relais.directory.boundary.Directory;
import fr.relais.directory.entity.Unit;
import fr.relais.forwarding.control.DepartmentLevel;
import fr.relais.forwarding.entity.Handoff;
import fr.relais.qualification.entity.Report;
import fr.relais.sla.boundary.Alerts;
import fr.relais.sla.entity.Alert;
import fr.relais.sla.entity.SlaBreach;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A unit missed its acknowledgement target (the timers of {@code Task_AcknowledgeReport}): first the
 * platform's supervisors are told, then the unit's departmental level, whose agents may then read the
 * report. Each escalation is a breach ({@code sla_breach}), an alert, and a date on the handoff.
 */
@Stateless
public class Escalations {
    private static final Logger LOG = Logger.getLogger(Escalations.class.getName());

    /** The steps recorded in {@code sla_breach}, named by the model's escalation tasks. */
    public enum Step {
        /** The acknowledgement target passed: the platform's supervisors. */
        ACKNOWLEDGE,
        /** The second deadline passed: the unit's departmental level. */
        ACKNOWLEDGE_DEPARTMENT
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    Directory directory;

    @EJB
    Alerts alerts;

    Clock clock = Clock.systemUTC();

    /**
     * Escalates the report's current handoff to {@code unitCode} if it still waits for the unit's
     * acknowledgement (an answer that raced with the timer wins: nothing is recorded). Idempotent.
     */
    public void acknowledgementMissed(long reportId, String unitCode, Step step) {
        Report report = em.find(Report.class, reportId);
        Optional<Handoff> current = Handoff.lastOf(em, reportId);
        if (report == null || current.isEmpty() || !current.get().unitCode().equals(unitCode)) {
            LOG.warning(() -> "report " + reportId + ": no handoff to " + unitCode + " to escalate");
            return;
        }
        Handoff handoff = current.get();
        em.refresh(handoff, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        String unitName = directory.unit(unitCode).map(Unit::name).orElse(unitCode);
        if (step == Step.ACKNOWLEDGE) {
            if (!handoff.escalate(now)) {
                return;
            }
            alerts.raise(
                    Alert.Kind.ACK_MISSED,
                    report.platform(),
                    reportId,
                    report.chatId(),
                    unitCode,
                    "Réception du signalement " + report.reference() + " non accusée à temps par " + unitName + ".");
        } else {
            Optional<Unit> level = directory
                    .unit(unitCode)
                    .flatMap(u -> DepartmentLevel.of(
                            u,
                            directory.unitsOfDepartment(
                                    u.department(),
                                    EnumSet.of(Unit.Kind.DEPARTMENTAL_POLICE, Unit.Kind.DEPARTMENTAL_GENDARMERIE))));
            if (!handoff.escalateToDepartment(level.map(Unit::code).orElse(null), now)) {
                return;
            }
            alerts.raise(
                    Alert.Kind.ACK_MISSED_DEPARTMENT,
                    report.platform(),
                    reportId,
                    report.chatId(),
                    unitCode,
                    "Signalement " + report.reference() + " toujours sans accusé de réception de " + unitName
                            + " : "
                            + level.map(u -> "transmis pour suivi à " + u.code() + ".")
                                    .orElse("aucun niveau départemental dans le répertoire."));
        }
        em.persist(SlaBreach.ofReport(step.name(), reportId, report.chatId(), now));
        LOG.warning(
                () -> "report " + reportId + ": acknowledgement by " + unitCode + " late, escalated (" + step + ")");
    }
}
