package fr.relais.operators.boundary;

import fr.relais.audit.boundary.AuditTrail;
import fr.relais.audit.boundary.Chain;
import fr.relais.directory.boundary.Caller;
import fr.relais.directory.boundary.Directory;
import fr.relais.operators.entity.CannedAnswer;
import fr.relais.shared.DomainException;
import fr.relais.shared.Platform;
import fr.relais.shared.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Canned answers and orientation links, per platform: read by the platform's staff, kept by
 * administrators.
 */
@Stateless
public class CannedAnswers {
    @PersistenceContext
    EntityManager em;

    @EJB
    AuditTrail trail;

    @EJB
    Directory directory;

    Clock clock = Clock.systemUTC();

    /** A canned answer as staff and administrators get it; {@code text} is what one click inserts. */
    public record Entry(
            long id, Platform platform, CannedAnswer.Kind kind, String title, String body, String url, String text)
            implements Serializable {
        static Entry of(CannedAnswer a) {
            return new Entry(a.id(), a.platform(), a.kind(), a.title(), a.body(), a.url(), a.insertedText());
        }
    }

    /** The caller's platform's entries; an administrator gets every platform's, or one's. */
    @RolesAllowed({Role.OPERATOR, Role.PSYCHOLOGIST, Role.SUPERVISOR, Role.ADMIN})
    public List<Entry> list(Platform platform) {
        Caller caller = directory.currentCaller();
        if (!caller.has(Role.ADMIN)) {
            if (caller.platform() == null) {
                throw DomainException.forbidden("Aucune plateforme associée.");
            }
            platform = caller.platform();
        }
        var query = platform == null
                ? em.createNamedQuery(CannedAnswer.ALL, CannedAnswer.class)
                : em.createNamedQuery(CannedAnswer.OF_PLATFORM, CannedAnswer.class)
                        .setParameter("platform", platform);
        return query.getResultStream().map(Entry::of).toList();
    }

    @RolesAllowed(Role.ADMIN)
    public Entry create(Platform platform, CannedAnswer.Kind kind, String title, String body, String url) {
        CannedAnswer answer = new CannedAnswer(platform, kind, title, body, url, clock.instant());
        em.persist(answer);
        em.flush();
        trail.record(
                Chain.admin(),
                "canned_answer_created",
                Map.of("id", answer.id(), "platform", String.valueOf(platform), "kind", String.valueOf(kind)));
        return Entry.of(answer);
    }

    @RolesAllowed(Role.ADMIN)
    public Entry update(long id, Platform platform, CannedAnswer.Kind kind, String title, String body, String url) {
        CannedAnswer answer = existing(id);
        answer.change(platform, kind, title, body, url, clock.instant());
        em.flush();
        trail.record(
                Chain.admin(),
                "canned_answer_changed",
                Map.of("id", id, "platform", String.valueOf(platform), "kind", String.valueOf(kind)));
        return Entry.of(answer);
    }

    @RolesAllowed(Role.ADMIN)
    public void delete(long id) {
        em.remove(existing(id));
        trail.record(Chain.admin(), "canned_answer_deleted", Map.of("id", id));
    }

    private CannedAnswer existing(long id) {
        CannedAnswer answer = em.find(CannedAnswer.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (answer == null) {
            throw DomainException.notFound("canned_answer_not_found", "Réponse type introuvable.");
        }
        return answer;
    }
}
