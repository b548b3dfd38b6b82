package fr.relais.intake.boundary;

import fr.relais.intake.control.Idempotency;
import fr.relais.intake.entity.IdempotencyKey;
import fr.relais.shared.DomainException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.Optional;

/**
 * The rows of {@code Idempotency-Key}s, in the caller's transaction: the citizen's openings, messages
 * and form reports use the same two steps. First {@link #earlier}: a request already made with the key
 * is answered again (the same body) or refused (another body, 422). Else {@link #claim}: the key's row
 * is inserted before anything else, so a concurrent request with the same key waits on its unique index,
 * then is refused with {@link Intake#IDEMPOTENCY_RACE} and its retry finds the result.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class IdempotencyKeys {
    @PersistenceContext
    EntityManager em;

    /**
     * The key used for this very request less than {@link Idempotency#LIFETIME} before {@code now}; an
     * older row is forgotten here.
     *
     * @throws DomainException UNPROCESSABLE when the key served for another request
     */
    public Optional<IdempotencyKey> earlier(String keyHash, String requestHash, Instant now) {
        Optional<IdempotencyKey> found = em.createNamedQuery(IdempotencyKey.BY_HASH, IdempotencyKey.class)
                .setParameter("keyHash", keyHash)
                .getResultStream()
                .findFirst();
        if (found.isPresent() && found.get().expired(now.minus(Idempotency.LIFETIME))) {
            em.remove(found.get());
            em.flush();
            return Optional.empty();
        }
        if (found.isPresent() && !found.get().sameRequest(requestHash)) {
            throw DomainException.unprocessable(
                    "idempotency_key_reused", "Cette clé d'idempotence a déjà servi pour une autre requête.");
        }
        return found;
    }

    /** Inserts the key's row first; the caller records on it what the request made. */
    public IdempotencyKey claim(String keyHash, String requestHash, Instant now) {
        IdempotencyKey claimed = new IdempotencyKey(keyHash, requestHash, now);
        try {
            em.persist(claimed);
            em.flush();
        } catch (PersistenceException e) {
            throw DomainException.conflict(
                    Intake.IDEMPOTENCY_RACE, "Une requête avec la même clé est en cours : réessayez.");
        }
        return claimed;
    }
}
