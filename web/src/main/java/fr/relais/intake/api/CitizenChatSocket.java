package fr.relais.intake.api;

import fr.relais.intake.boundary.Intake;
import fr.relais.security.CitizenLimits;
import fr.relais.security.CitizenRateLimitFilter;
import fr.relais.security.RateLimiter;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A citizen's live connection to a chat. The chat token comes as the first message, never in the
 * URL (which proxies and logs keep); a wrong one closes the socket with 1008 (policy violation),
 * the same for an unknown chat. Once accepted, the server only pushes: the citizen still writes
 * with {@code POST messages}, and anything else sent is ignored. Handshakes count for the client
 * address ({@link CitizenRateLimitFilter}); every frame counts for the chat's token, and a socket
 * past the token's limit is closed with 1008 {@code rate_limited}.
 */
@ServerEndpoint("/ws/citizen/chats/{id}")
public class CitizenChatSocket {
    /** A token is 43 characters; nothing longer is ever read. */
    static final int MAX_MESSAGE = 256;

    static final String READY = "{\"type\":\"ready\"}";
    private static final String CHAT = "relais.chat";
    private static final String TOKEN_KEY = "relais.chat.token";
    private static final Logger LOG = Logger.getLogger(CitizenChatSocket.class.getName());

    @Inject
    Intake intake;

    @Inject
    CitizenChatSockets sockets;

    @Inject
    RateLimiter limiter;

    @Inject
    CitizenLimits limits;

    @OnOpen
    public void open(Session session) {
        session.setMaxTextMessageBufferSize(MAX_MESSAGE);
        session.setMaxBinaryMessageBufferSize(MAX_MESSAGE);
        session.setMaxIdleTimeout(Duration.ofMinutes(10).toMillis());
    }

    @OnMessage(maxMessageSize = MAX_MESSAGE)
    public void message(Session session, @PathParam("id") String id, String text) {
        if (session.getUserProperties().get(TOKEN_KEY) instanceof String tokenKey) {
            if (limiter.hit(CitizenRateLimitFilter.TOKEN, tokenKey, limits.requestsPerToken()) > 0) {
                refuse(session, "rate_limited");
            }
            return;
        }
        String tokenKey = CitizenRateLimitFilter.tokenKey(text.strip());
        if (limiter.hit(CitizenRateLimitFilter.TOKEN, tokenKey, limits.requestsPerToken()) > 0) {
            refuse(session, "rate_limited");
            return;
        }
        long chatId;
        try {
            chatId = Long.parseLong(id);
            intake.authenticateCitizen(chatId, text.strip());
        } catch (RuntimeException e) {
            refuse(session, "chat_not_found");
            return;
        }
        session.getUserProperties().put(CHAT, chatId);
        session.getUserProperties().put(TOKEN_KEY, tokenKey);
        sockets.register(chatId, session);
        session.getAsyncRemote().sendText(READY);
    }

    @OnClose
    public void close(Session session) {
        if (session.getUserProperties().get(CHAT) instanceof Long chatId) {
            sockets.unregister(chatId, session);
        }
    }

    @OnError
    public void error(Session session, Throwable error) {
        LOG.log(Level.FINE, "citizen socket error", error);
        close(session);
    }

    private static void refuse(Session session, String reason) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, reason));
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing a refused socket", e);
        }
    }
}
