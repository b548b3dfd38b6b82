package fr.relais.shared.view;

import fr.relais.directory.boundary.Caller;
import fr.relais.directory.boundary.Directory;
import fr.relais.directory.entity.AppUser;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.security.Principal;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The staff screens' live connection (replaces Faces push, whose session-scoped channel manager could
 * not be read back from the data grid on another instance). The screen names its channels in the URL
 * ({@code /ws/staff?queue=GENERALIST&operator=operateur}, see {@link StaffChannels}); the caller is the
 * one the handshake was authenticated as, from the HTTP session of the form login
 * (RelaisAuthentication, which also ends a revoked session), with the roles and scope of their account
 * as stored now. A connection with no signed-in, enabled account, or asking for one channel it may not
 * have, is closed with 1008 (policy violation) and a reason ({@code unauthenticated},
 * {@code no_channel}, {@code channel_refused}); an accepted one is answered {@value #READY}, then
 * gets the channel's name each time it changes. The client sends nothing; the cross-site check of the
 * handshake is {@code SameOriginSocketFilter}'s.
 */
@ServerEndpoint(StaffSocket.PATH)
public class StaffSocket {
    public static final String PATH = "/ws/staff";
    static final String READY = "ready";
    /** The client sends nothing; anything it does is ignored, and bounded. */
    static final int MAX_MESSAGE = 64;

    private static final Logger LOG = Logger.getLogger(StaffSocket.class.getName());

    @Inject
    Directory directory;

    @Inject
    StaffSockets sockets;

    @OnOpen
    public void open(Session session) {
        session.setMaxTextMessageBufferSize(MAX_MESSAGE);
        session.setMaxBinaryMessageBufferSize(MAX_MESSAGE);
        // as long as an idle HTTP session lives; the screen reconnects after a close
        session.setMaxIdleTimeout(Duration.ofMinutes(30).toMillis());
        StaffChannels.Decision decision =
                StaffChannels.decide(caller(session.getUserPrincipal()), session.getRequestParameterMap());
        if (decision.refused()) {
            LOG.fine(() -> "staff socket refused (" + decision.refusal() + ") for " + session.getUserPrincipal());
            refuse(session, decision.refusal());
            return;
        }
        sockets.register(session, decision.subscriptions());
        session.getAsyncRemote().sendText(READY);
    }

    @OnMessage(maxMessageSize = MAX_MESSAGE)
    public void message(String ignored) {
        // nothing is expected from the screen
    }

    @OnClose
    public void close(Session session) {
        sockets.unregister(session);
    }

    @OnError
    public void error(Session session, Throwable error) {
        LOG.log(Level.FINE, "staff socket error", error);
        sockets.unregister(session);
    }

    private Caller caller(Principal principal) {
        if (principal == null || principal.getName() == null) {
            return null;
        }
        return directory
                .user(principal.getName())
                .filter(AppUser::enabled)
                .map(user -> new Caller(user.username(), user.roles(), user.platform(), user.unitCode()))
                .orElse(null);
    }

    private static void refuse(Session session, String reason) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, reason));
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing a refused staff socket", e);
        }
    }
}
