package fr.relais.sla.boundary;

import fr.relais.audit.boundary.AuditTrail;
import fr.relais.audit.boundary.Chain;
import fr.relais.directory.boundary.Caller;
import fr.relais.directory.boundary.Directory;
import fr.relais.shared.DomainException;
import fr.relais.shared.Platform;
import fr.relais.shared.Role;
import fr.relais.sla.entity.Alert;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The platforms' alerts: raised wherever a breach of a service level is recorded, in the same
 * transaction; read and acknowledged by the platform's supervisors (an administrator: both platforms).
 * Each raise and acknowledgement fires an {@link AlertEvent}, which the screens observe after the commit.
 */
@Stateless
public class Alerts {
    /** At most this many acknowledged alerts are listed, most recently acknowledged first. */
    static final int ACKNOWLEDGED_LIMIT = 200;

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditTrail trail;

    @EJB
    Directory directory;

    @jakarta.inject.Inject
    jakarta.enterprise.event.Event<AlertEvent> events;

    Clock clock = Clock.systemUTC();

    /** Raises one alert, in the caller's transaction (the breach's). */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void raise(Alert.Kind kind, Platform platform, Long reportId, Long chatId, String unitCode, String detail) {
        Alert alert = new Alert(kind, platform, reportId, chatId, unitCode, detail, clock.instant());
        em.persist(alert);
        events.fire(new AlertEvent.Raised(platform));
        java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("alert", kind.name());
        fields.put("unit", unitCode);
        fields.put("detail", detail);
        trail.record(chainOf(reportId, chatId), "alert_raised", fields);
    }

    private static Chain chainOf(Long reportId, Long chatId) {
        return reportId != null ? Chain.report(reportId) : chatId != null ? Chain.chat(chatId) : Chain.admin();
    }

    /** The open alerts of the caller's platforms, newest first. */
    @RolesAllowed({Role.SUPERVISOR, Role.ADMIN})
    public List<AlertView> open() {
        Caller caller = directory.currentCaller();
        return em
                .createNamedQuery(Alert.OPEN, Alert.class)
                .setParameter("platforms", platformsOf(caller))
                .setParameter("everything", caller.has(Role.ADMIN))
                .getResultList()
                .stream()
                .map(AlertView::of)
                .toList();
    }

    /** The acknowledged alerts of the caller's platforms, most recently acknowledged first. */
    @RolesAllowed({Role.SUPERVISOR, Role.ADMIN})
    public List<AlertView> acknowledged() {
        Caller caller = directory.currentCaller();
        return em
                .createNamedQuery(Alert.ACKNOWLEDGED, Alert.class)
                .setParameter("platforms", platformsOf(caller))
                .setParameter("everything", caller.has(Role.ADMIN))
                .setMaxResults(ACKNOWLEDGED_LIMIT)
                .getResultList()
                .stream()
                .map(AlertView::of)
                .toList();
    }

    /** A supervisor of the alert's platform (or an admin) acknowledges it; twice is a conflict. */
    @RolesAllowed({Role.SUPERVISOR, Role.ADMIN})
    public AlertView acknowledge(long alertId) {
        Caller caller = directory.currentCaller();
        Alert alert = em.find(Alert.class, alertId, LockModeType.PESSIMISTIC_WRITE);
        if (alert == null
                || (alert.platform() == null
                        ? !caller.has(Role.ADMIN)
                        : !platformsOf(caller).contains(alert.platform()))) {
            throw DomainException.notFound("alert_not_found", "Alerte introuvable.");
        }
        alert.acknowledge(caller.username(), clock.instant());
        events.fire(new AlertEvent.Acknowledged(alert.platform()));
        AlertView view = AlertView.of(alert);
        trail.record(chainOf(view.reportId(), view.chatId()), "alert_acknowledged", java.util.Map.of("alert", alertId));
        return view;
    }

    private static Set<Platform> platformsOf(Caller caller) {
        if (caller.has(Role.ADMIN)) {
            return EnumSet.allOf(Platform.class);
        }
        if (caller.has(Role.SUPERVISOR) && caller.platform() != null) {
            return EnumSet.of(caller.platform());
        }
        throw DomainException.forbidden("Réservé à la supervision de la plateforme.");
    }
}
