package fr.relais.intake.boundary;

import fr.relais.intake.control.Idempotency;
import fr.relais.intake.entity.IdempotencyKey;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/**
 * Deletes the citizens' idempotency keys once they are older than {@link Idempotency#LIFETIME}, every
 * hour. A non-persistent timer on each instance: the delete is idempotent, and a key past its
 * lifetime is ignored by {@link Intake} even before it is deleted.
 */
@Singleton
public class IdempotencyKeyExpiry {
    @PersistenceContext
    EntityManager em;

    Clock clock = Clock.systemUTC();

    @Schedule(hour = "*", minute = "17", persistent = false)
    public void forgetExpired() {
        em.createNamedQuery(IdempotencyKey.EXPIRED)
                .setParameter("before", clock.instant().minus(Idempotency.LIFETIME))
                .executeUpdate();
    }
}
