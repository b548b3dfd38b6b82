package fr.relais.privacy.boundary;

import fr.relais.privacy.control.Envelope;
import fr.relais.privacy.control.MasterKeys;
import fr.relais.privacy.entity.DataKey;
import fr.relais.shared.DomainException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * The data keys of reports and conversations, unwrapped by the master keys, created on first use: by
 * sealing the originals, or by an audit event carrying personal data, whichever comes first.
 */
@Stateless
@PermitAll
public class DataKeys {
    @PersistenceContext
    EntityManager em;

    @Inject
    PrivacySettings settings;

    Clock clock = Clock.systemUTC();

    /**
     * The owner's data key, created when {@code create} and there is none yet.
     *
     * @throws DomainException 409 {@code personal_data_erased} when retention destroyed it
     * @throws IllegalStateException when there is none and {@code create} is false, or no master key is configured
     */
    public SecretKey key(DataKey.Owner kind, long ownerId, boolean create) {
        MasterKeys masters = settings.masterKeys();
        DataKey existing = find(kind, ownerId);
        if (existing != null) {
            if (existing.destroyed()) {
                throw DomainException.conflict(
                        "personal_data_erased", "Les données personnelles ont été effacées (durée de conservation).");
            }
            return unwrap(masters, existing);
        }
        if (!create) {
            throw new IllegalStateException("no data key for " + DataKey.owner(kind, ownerId));
        }
        SecretKey key = Envelope.newDataKey();
        em.persist(new DataKey(
                kind,
                ownerId,
                masters.currentId(),
                Envelope.wrap(masters.current(), key, DataKey.owner(kind, ownerId)),
                clock.instant()));
        em.flush();
        return key;
    }

    /** The owner's live data key, if it has one and the master keys are configured; never creates one. */
    public Optional<SecretKey> live(DataKey.Owner kind, long ownerId) {
        DataKey existing = find(kind, ownerId);
        if (existing == null || existing.destroyed() || !settings.sealingConfigured()) {
            return Optional.empty();
        }
        return Optional.of(unwrap(settings.masterKeys(), existing));
    }

    /** Whether retention destroyed the owner's data key. */
    public boolean destroyed(DataKey.Owner kind, long ownerId) {
        DataKey existing = find(kind, ownerId);
        return existing != null && existing.destroyed();
    }

    private DataKey find(DataKey.Owner kind, long ownerId) {
        return em.createNamedQuery(DataKey.OF_OWNER, DataKey.class)
                .setParameter("kind", kind)
                .setParameter("owner", ownerId)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    static SecretKey unwrap(MasterKeys masters, DataKey k) {
        SecretKey master = masters.byId(k.keyId())
                .orElseThrow(() -> new IllegalStateException(
                        "master key " + k.keyId() + " of " + k.owner() + " is not configured"));
        return Envelope.unwrap(master, k.wrappedKey(), k.owner());
    }
}
