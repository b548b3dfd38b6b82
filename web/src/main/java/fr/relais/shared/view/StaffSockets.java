package fr.relais.shared.view;

import fr.relais.shared.view.StaffChannels.Subscription;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.Session;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The staff's live connections of this instance, by channel and "user" ({@link StaffChannels}), and
 * the push to them. A push carries only the channel's name ({@code queue}, {@code operator},
 * {@code desk}, {@code alerts}): the screen reloads what it shows through the boundary, which applies
 * the caller's scope. Events committed on other instances reach the observers that call {@link #send}
 * as {@code @Relayed} CDI events (ChatRelay, AlertRelay), so each instance pushes to the sockets it
 * holds.
 */
@ApplicationScoped
public class StaffSockets {
    private static final Logger LOG = Logger.getLogger(StaffSockets.class.getName());
    private static final String SUBSCRIPTIONS = "relais.staff.subscriptions";

    private final Map<String, Set<Session>> byChannel = new ConcurrentHashMap<>();

    void register(Session session, List<Subscription> subscriptions) {
        session.getUserProperties().put(SUBSCRIPTIONS, subscriptions);
        for (Subscription subscription : subscriptions) {
            byChannel
                    .computeIfAbsent(subscription.key(), key -> ConcurrentHashMap.newKeySet())
                    .add(session);
        }
    }

    void unregister(Session session) {
        if (session.getUserProperties().remove(SUBSCRIPTIONS) instanceof List<?> subscriptions) {
            for (Object subscription : subscriptions) {
                unregister(((Subscription) subscription).key(), session);
            }
        }
    }

    private void unregister(String key, Session session) {
        byChannel.computeIfPresent(key, (k, sessions) -> {
            sessions.remove(session);
            return sessions.isEmpty() ? null : sessions;
        });
    }

    /** Tells the screens listening to {@code channel} for {@code user} (a platform, a user name, a unit) that it changed. */
    public void send(String channel, String user) {
        String key = Subscription.key(channel, user);
        Set<Session> sessions = byChannel.get(key);
        if (sessions == null) {
            return;
        }
        for (Session session : sessions) {
            if (!session.isOpen()) {
                unregister(key, session);
                continue;
            }
            try {
                session.getAsyncRemote().sendText(channel);
            } catch (RuntimeException e) {
                // the screen reloads what it shows when its socket opens again: nothing is lost
                LOG.log(Level.FINE, "push to a staff socket failed", e);
            }
        }
    }

    /** Tells every screen listening to a channel that has no "user" ({@code alerts}). */
    public void send(String channel) {
        send(channel, "");
    }

    /** Connections open on this instance for a channel and user (tests and metrics). */
    int connected(String channel, String user) {
        return byChannel.getOrDefault(Subscription.key(channel, user), Set.of()).size();
    }
}
