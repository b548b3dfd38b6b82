package fr.relais.incidents.boundary;

import fr.relais.audit.boundary.AuditTrail;
import fr.relais.audit.boundary.Chain;
import fr.relais.directory.boundary.Directory;
import fr.relais.incidents.entity.IncidentRetry;
import fr.relais.qualification.entity.Report;
import fr.relais.shared.DomainException;
import fr.relais.shared.Role;
import fr.relais.workflow.Workflow;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Every incident of the engine on one list for administrators (a failed service task, an unmatched
 * decision, a failed delivery, of any process), each with the report or chat it is about; a retry
 * after a fix, recorded with who, when and why ({@code incident_retry}).
 */
@Stateless
@RolesAllowed(Role.ADMIN)
public class Incidents {
    public static final int MAX_NOTE = 1000;

    /** An open incident, with the report's receipt reference when the process is about a report. */
    public record OpenIncident(
            String id,
            String type,
            String processKey,
            String processInstanceId,
            String activityId,
            Instant since,
            String message,
            Long reportId,
            String reference,
            Long chatId)
            implements Serializable {}

    /** A recorded retry. */
    public record Retry(
            long id,
            String incidentId,
            String processKey,
            String activityId,
            Long reportId,
            Long chatId,
            String failure,
            String note,
            String retriedBy,
            Instant retriedAt)
            implements Serializable {
        static Retry of(IncidentRetry r) {
            return new Retry(
                    r.id(),
                    r.incidentId(),
                    r.processKey(),
                    r.activityId(),
                    r.reportId(),
                    r.chatId(),
                    r.failure(),
                    r.note(),
                    r.retriedBy(),
                    r.retriedAt());
        }
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    Workflow workflow;

    @EJB
    Directory directory;

    @EJB
    AuditTrail trail;

    Clock clock = Clock.systemUTC();

    /** Every open incident, oldest first. */
    public List<OpenIncident> open() {
        return workflow.incidents().stream().map(this::view).toList();
    }

    /**
     * Runs the failed step again, once, and records the retry (in the same transaction: no retry
     * without its record).
     *
     * @throws DomainException 404 {@code incident_not_found}, 409 {@code not_retriable}, 400 {@code note_too_long}
     */
    public Retry retry(String incidentId, String note) {
        String checkedNote = note == null || note.isBlank() ? null : note.strip();
        if (checkedNote != null && checkedNote.length() > MAX_NOTE) {
            throw DomainException.invalid("note_too_long", "La note dépasse " + MAX_NOTE + " caractères.");
        }
        Workflow.EngineIncident incident = workflow.incident(incidentId)
                .orElseThrow(
                        () -> DomainException.notFound("incident_not_found", "Incident introuvable ou déjà résolu."));
        workflow.retryIncident(incident.id());
        IncidentRetry retry = new IncidentRetry(
                incident.id(),
                incident.processKey(),
                incident.processInstanceId(),
                incident.activityId(),
                incident.reportId(),
                incident.chatId(),
                incident.message(),
                checkedNote,
                directory.currentCaller().username(),
                clock.instant());
        em.persist(retry);
        em.flush();
        java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("incident", incident.id());
        fields.put("process", incident.processKey());
        fields.put("step", incident.activityId());
        fields.put("failure", incident.message());
        fields.put("note", checkedNote);
        trail.record(
                incident.reportId() != null ? Chain.report(incident.reportId()) : Chain.admin(),
                "incident_retried",
                fields);
        return Retry.of(retry);
    }

    /** The latest recorded retries, newest first. */
    public List<Retry> retries(int max) {
        return em.createNamedQuery(IncidentRetry.LATEST, IncidentRetry.class)
                .setMaxResults(Math.max(1, Math.min(max, 500)))
                .getResultStream()
                .map(Retry::of)
                .toList();
    }

    private OpenIncident view(Workflow.EngineIncident i) {
        Report report = i.reportId() == null ? null : em.find(Report.class, i.reportId());
        return new OpenIncident(
                i.id(),
                i.type(),
                i.processKey(),
                i.processInstanceId(),
                i.activityId(),
                i.since(),
                i.message(),
                i.reportId(),
                report == null ? null : report.reference(),
                i.chatId());
    }
}
