package fr.relais.privacy.boundary;

import fr.relais.privacy.control.Envelope;
import fr.relais.privacy.entity.DataKey;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Personal data inside audit events (a narrative before and after, a message, a released value), sealed
 * under the data key of the report or conversation the event belongs to, so that destroying that key at
 * retention makes them unreadable while the event, hashed as stored, keeps its place in the chain.
 */
@Stateless
@PermitAll
public class PersonalFields {
    private static final Logger LOG = Logger.getLogger(PersonalFields.class.getName());

    /** What opening sealed personal fields gave. */
    public enum State {
        /** Decrypted: the plain text is there. */
        OPEN,
        /** Retention destroyed the data key: unreadable for good. */
        ERASED,
        /** The master key that wrapped the data key is not configured, or the value does not open. */
        UNAVAILABLE
    }

    public record Opened(State state, String plain) {}

    @EJB
    DataKeys keys;

    @Inject
    PrivacySettings settings;

    /** Where a sealed value of an audit event is bound: its chain and its place in it. */
    public static String place(String chainKey, long seq) {
        return "audit_event/" + chainKey + "/" + seq;
    }

    /**
     * {@code plain} sealed under the owner's data key (created if needed); empty when it cannot be sealed
     * (no master key configured, or the key already destroyed): the value is then left out, never kept in clear.
     */
    public Optional<String> seal(DataKey.Owner kind, long ownerId, String place, String plain) {
        // an exception out of DataKeys (an EJB) would doom the caller's transaction: ask first
        if (!settings.sealingConfigured()) {
            LOG.log(Level.WARNING, "Personal fields of an audit event left out: no master key configured");
            return Optional.empty();
        }
        try {
            if (keys.destroyed(kind, ownerId)) {
                return Optional.empty();
            }
            return Optional.of(Envelope.seal(keys.key(kind, ownerId, true), plain, place));
        } catch (IllegalStateException e) {
            LOG.log(Level.WARNING, "Personal fields of an audit event left out: {0}", e.getMessage());
            return Optional.empty();
        }
    }

    /** Opens a value sealed by {@link #seal}. */
    public Opened open(DataKey.Owner kind, long ownerId, String place, String sealed) {
        if (keys.destroyed(kind, ownerId)) {
            return new Opened(State.ERASED, null);
        }
        try {
            return keys.live(kind, ownerId)
                    .map(k -> new Opened(State.OPEN, Envelope.open(k, sealed, place)))
                    .orElse(new Opened(State.UNAVAILABLE, null));
        } catch (IllegalStateException | Envelope.SealBroken e) {
            return new Opened(State.UNAVAILABLE, null);
        }
    }
}
