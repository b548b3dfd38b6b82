package fr.relais.qualification.boundary;

import fr.relais.audit.boundary.AuditTrail;
import fr.relais.audit.boundary.Chain;
import fr.relais.directory.boundary.Caller;
import fr.relais.directory.boundary.Communes;
import fr.relais.directory.boundary.Directory;
import fr.relais.intake.boundary.IdempotencyKeys;
import fr.relais.intake.boundary.Intake;
import fr.relais.intake.control.Idempotency;
import fr.relais.intake.entity.IdempotencyKey;
import fr.relais.qualification.control.CitizenForm;
import fr.relais.qualification.control.ReceiptReference;
import fr.relais.qualification.entity.Category;
import fr.relais.qualification.entity.CitizenStatement;
import fr.relais.qualification.entity.Report;
import fr.relais.shared.DomainException;
import fr.relais.shared.Platform;
import fr.relais.shared.Role;
import fr.relais.workflow.Workflow;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reports without a chat: a citizen's submission of the public form becomes a report that enters the
 * report's lifecycle at qualification ({@code StartEvent_ReportFromForm}), on the platform its nature
 * of facts belongs to, where any operator of the platform checks and completes it.
 */
@Stateless
public class CitizenReports {
    @PersistenceContext
    EntityManager em;

    @EJB
    AuditTrail trail;

    @EJB
    Communes communes;

    @EJB
    Directory directory;

    @EJB
    Workflow workflow;

    @Inject
    Event<ReportEvent> events;

    Clock clock = Clock.systemUTC();

    @EJB
    IdempotencyKeys idempotencyKeys;

    /**
     * Makes a report from the form, in one transaction with the start of its process; returns its
     * receipt reference. Refused (400, a code naming the field) when a field is wrong: nothing is
     * stored. With an idempotency key, a retry with the same key and form returns the same reference
     * and makes nothing; with another form, 422 {@code idempotency_key_reused}; while a request with the
     * same key runs, 409 {@link Intake#IDEMPOTENCY_RACE} (retry).
     */
    @PermitAll
    public ReceiptStatus submit(ReportForm form, String idempotencyKey) {
        if (form == null) {
            throw DomainException.invalid("invalid_body", "Corps de requête manquant.");
        }
        String key = Idempotency.checked(idempotencyKey);
        IdempotencyKey claimed = null;
        if (key != null) {
            String requestHash = Idempotency.requestHash(
                    form.category(),
                    form.communeInsee(),
                    form.commune(),
                    form.postalCode(),
                    form.place(),
                    form.when(),
                    form.narrative(),
                    String.valueOf(form.anonymous()),
                    form.firstName(),
                    form.lastName(),
                    form.phone(),
                    form.email());
            String keyHash = Idempotency.keyHash("report", key);
            Optional<IdempotencyKey> earlier = idempotencyKeys.earlier(keyHash, requestHash, clock.instant());
            if (earlier.isPresent()) {
                return ReceiptStatus.of(em.find(Report.class, earlier.get().reportId()));
            }
            claimed = idempotencyKeys.claim(keyHash, requestHash, clock.instant());
        }
        Instant now = clock.instant();
        Category category = CitizenForm.category(form.category());
        var place = communes.resolve(form.communeInsee(), form.commune(), form.postalCode());
        ZoneId zone = ZoneId.of(place.commune().timeZone());
        CitizenForm.StatedTime when = CitizenForm.when(form.when(), zone, now);
        String narrative = CitizenForm.narrative(form.narrative());
        String where = CitizenForm.place(form.place());
        boolean anonymous = !Boolean.FALSE.equals(form.anonymous());
        var reporter = CitizenForm.reporter(anonymous, form.firstName(), form.lastName(), form.phone(), form.email());

        Platform platform = CitizenForm.platformOf(category);
        Report report = new Report(null, platform, null, now);
        report.assignReference(newReference());
        em.persist(report);
        em.flush();
        em.persist(new CitizenStatement(
                report.id(),
                category,
                place.insee(),
                place.name(),
                place.postalCode(),
                where,
                when.stated(),
                when.at(),
                narrative,
                anonymous,
                reporter,
                now));
        if (claimed != null) {
            claimed.submittedReport(report.id());
        }
        report.attachProcess(workflow.startReport(report.id(), platform.name(), null, null, null));
        trail.recordByCitizen(
                Chain.report(report.id()),
                "report_created",
                Map.of("form", true, "platform", platform.name(), "reference", report.reference()));
        events.fire(new ReportEvent.FormReportsChanged(report.id(), platform));
        return ReceiptStatus.of(report);
    }

    /** The reports of the caller's platform received by the form that no operator has checked yet, oldest first. */
    @RolesAllowed({Role.OPERATOR, Role.SUPERVISOR})
    public List<FormReportCase> awaitingOperator() {
        Caller caller = directory.currentCaller();
        if (caller.platform() == null) {
            return List.of();
        }
        return em
                .createNamedQuery(CitizenStatement.AWAITING_OPERATOR, Object[].class)
                .setParameter("platform", caller.platform())
                .setParameter("status", Report.Status.QUALIFYING)
                .getResultList()
                .stream()
                .map(row -> FormReportCase.of((Report) row[0], (CitizenStatement) row[1]))
                .toList();
    }

    /** What the citizen stated, for the platform's staff; empty for a report made during a conversation. */
    @RolesAllowed({Role.OPERATOR, Role.SUPERVISOR, Role.PSYCHOLOGIST})
    public Optional<Statement> statement(long reportId) {
        Report report = em.find(Report.class, reportId);
        if (report == null || !directory.currentCaller().worksOn(report.platform())) {
            throw DomainException.notFound("report_not_found", "Signalement introuvable.");
        }
        return Optional.ofNullable(Statement.of(em.find(CitizenStatement.class, reportId)));
    }

    private String newReference() {
        return ReceiptReference.unused(reference -> !em.createNamedQuery(Report.BY_REFERENCE, Report.class)
                .setParameter("reference", reference)
                .setMaxResults(1)
                .getResultList()
                .isEmpty());
    }
}
