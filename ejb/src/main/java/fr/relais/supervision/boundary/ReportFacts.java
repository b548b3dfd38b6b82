package fr.relais.supervision.boundary;

import fr.relais.intake.entity.Chat;
import fr.relais.qualification.boundary.ReportEvent;
import fr.relais.qualification.entity.Report;
import fr.relais.supervision.control.StageTargets;
import fr.relais.supervision.entity.ReportFact;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/**
 * Writes the supervision's read model of reports in the transaction of each stage the model records
 * (qualification's {@link ReportEvent.StageEntered}, observed synchronously): one row per report, so no
 * lifecycle write queues on a shared row. The hourly trends are rolled up from these rows apart
 * ({@link TrendRollup}).
 */
@Stateless
public class ReportFacts {
    /** The door of a report received by the form (no chat). */
    public static final String FORM_DOOR = "FORM";

    @PersistenceContext
    EntityManager em;

    Clock clock = Clock.systemUTC();

    public void onStageEntered(@Observes ReportEvent.StageEntered entered) {
        Report report = em.find(Report.class, entered.reportId());
        if (report == null) {
            return;
        }
        ReportFact fact = em.find(ReportFact.class, report.id());
        if (fact == null) {
            Chat chat = report.chatId() == null ? null : em.find(Chat.class, report.chatId());
            fact = new ReportFact(
                    report.id(), report.platform().name(), chat == null ? FORM_DOOR : chat.door(), report.createdAt());
            em.persist(fact);
        }
        var now = clock.instant();
        String stage = report.status().name();
        var since = stage.equals(fact.stage()) ? fact.stageSince() : now;
        fact.update(
                report.reference(),
                report.platform().name(),
                report.category() == null ? null : report.category().name(),
                report.priority() == null ? null : report.priority().name(),
                stage,
                now,
                StageTargets.dueAt(report.status(), since, report));
    }
}
