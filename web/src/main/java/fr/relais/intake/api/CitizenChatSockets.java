package fr.relais.intake.api;

import fr.relais.intake.boundary.ChatEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.websocket.Session;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The citizens' live connections of this instance, by chat, and the push of every committed
 * message to them as JSON {@code {id, author, text, sentAt}} (as the API's {@code GET messages}
 * returns it). Single instance: a message committed on another instance reaches a socket here only
 * through the client's catch-up read; cross-instance delivery over the data grid is later work.
 */
@ApplicationScoped
public class CitizenChatSockets {
    private static final Logger LOG = Logger.getLogger(CitizenChatSockets.class.getName());

    private final Map<Long, Set<Session>> byChat = new ConcurrentHashMap<>();
    private final Jsonb jsonb = JsonbBuilder.create();

    void register(long chatId, Session session) {
        byChat.computeIfAbsent(chatId, id -> ConcurrentHashMap.newKeySet()).add(session);
    }

    void unregister(long chatId, Session session) {
        byChat.computeIfPresent(chatId, (id, sessions) -> {
            sessions.remove(session);
            return sessions.isEmpty() ? null : sessions;
        });
    }

    /** Sessions open for a chat on this instance (tests and metrics). */
    int connected(long chatId) {
        return byChat.getOrDefault(chatId, Set.of()).size();
    }

    void pushAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChatEvent.Posted posted) {
        send(posted.chatId(), jsonb.toJson(posted.line()));
    }

    /** Sends a JSON text to the citizen's live connections to a chat on this instance, if any. */
    void send(long chatId, String json) {
        Set<Session> sessions = byChat.get(chatId);
        if (sessions == null) {
            return;
        }
        for (Session session : sessions) {
            if (!session.isOpen()) {
                unregister(chatId, session);
                continue;
            }
            try {
                session.getAsyncRemote().sendText(json);
            } catch (RuntimeException e) {
                // the client catches up with GET messages when it reconnects: nothing is lost
                LOG.log(Level.FINE, "push to a citizen's socket failed", e);
            }
        }
    }

    /** Whether a citizen is connected to the chat on this instance. */
    boolean anyConnected(long chatId) {
        return byChat.containsKey(chatId);
    }

    /** Whether any citizen is connected to this instance. */
    boolean anyConnected() {
        return !byChat.isEmpty();
    }

    @PreDestroy
    void close() {
        try {
            jsonb.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "closing JSON-B", e);
        }
    }
}
