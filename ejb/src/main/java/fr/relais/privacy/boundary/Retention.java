package fr.relais.privacy.boundary;

import fr.relais.shared.DomainException;
import fr.relais.shared.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.logging.Logger;

/**
 * Retention: {@code RELAIS_RETENTION} after closure (the unit's outcome closes a report; a conversation
 * closes when it ends, and waits for every report made from it), its personal data is erased by
 * {@link Erasure}. Runs every hour on every node: each erasure locks its row and skips what another
 * node erased, so running twice erases once. An appointment booking's contact is erased the same
 * period after its slot's start ({@code Appointments#eraseContactsBefore}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Retention {
    private static final Logger LOG = Logger.getLogger(Retention.class.getName());

    /** Most reports (and conversations) erased per run; the next run takes the rest. */
    static final int BATCH = 500;

    /** {@code bookings}: appointment bookings whose contact was erased (their slot started before {@code closedBefore}). */
    public record Run(Instant now, Instant closedBefore, int reports, int chats, int bookings) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    PrivacySettings settings;

    @EJB
    Erasure erasure;

    @EJB
    fr.relais.appointment.boundary.Appointments appointments;

    Clock clock = Clock.systemUTC();

    @Schedule(hour = "*", minute = "41", persistent = false)
    public void hourly() {
        Run run = run(clock.instant());
        if (run.reports() + run.chats() + run.bookings() > 0) {
            LOG.info(() -> "Retention: erased " + run.reports() + " reports, " + run.chats() + " conversations and the"
                    + " contacts of " + run.bookings() + " appointment bookings");
        }
    }

    /**
     * An administrator runs retention now; {@code now} (ISO-8601 instant) is taken only where the
     * setting {@code RELAIS_CLOCK_OVERRIDE_ALLOWED} allows it (test servers).
     */
    @RolesAllowed(Role.ADMIN)
    public Run runAsAdmin(String now) {
        if (now == null || now.isBlank()) {
            return run(clock.instant());
        }
        if (!settings.clockOverrideAllowed()) {
            throw DomainException.invalid(
                    "clock_override_refused", "L'heure de référence ne peut pas être fournie sur ce serveur.");
        }
        try {
            return run(Instant.parse(now.strip()));
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(
                    "invalid_now", "Instant invalide (ISO-8601, par exemple 2027-01-01T00:00:00Z).");
        }
    }

    private Run run(Instant now) {
        Instant cutoff =
                now.atOffset(ZoneOffset.UTC).minus(settings.retention()).toInstant();
        int reports = 0;
        for (Number id :
                ids("SELECT id FROM report WHERE closed_at < ?1 AND erased_at IS NULL ORDER BY closed_at", cutoff)) {
            if (erasure.eraseReport(id.longValue(), now)) {
                reports++;
            }
        }
        int chats = 0;
        for (Number id : ids(
                "SELECT c.id FROM chat c WHERE c.status = 'CLOSED' AND c.closed_at < ?1 AND c.erased_at IS NULL"
                        + " AND NOT EXISTS (SELECT 1 FROM report r WHERE r.chat_id = c.id AND r.erased_at IS NULL)"
                        + " ORDER BY c.closed_at",
                cutoff)) {
            if (erasure.eraseChat(id.longValue(), now)) {
                chats++;
            }
        }
        int bookings = appointments.eraseContactsBefore(cutoff, now, BATCH);
        return new Run(now, cutoff, reports, chats, bookings);
    }

    @SuppressWarnings("unchecked")
    private List<Number> ids(String sql, Instant cutoff) {
        return em.createNativeQuery(sql)
                .setParameter(1, java.time.LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                .setMaxResults(BATCH)
                .getResultList();
    }
}
