package fr.relais.intake.api;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import java.util.logging.Logger;

/**
 * Registers the citizens' socket with the WebSocket container explicitly, as Mojarra registers
 * Faces push. Once the authentication work was merged, Payara Micro's Tyrus no longer deployed the
 * annotated endpoint it used to find by scanning (the handshake answered 404, nothing logged) while
 * the Faces push endpoint, added this way, kept working; the cause is not pinned down (the one new
 * library was nimbus-jose-jwt). When scanning does find it, this second registration is refused as
 * a duplicate and ignored.
 */
@WebListener
public class CitizenChatSocketRegistration implements ServletContextListener {
    private static final Logger LOG = Logger.getLogger(CitizenChatSocketRegistration.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        var container = (ServerContainer) event.getServletContext().getAttribute(ServerContainer.class.getName());
        if (container == null) {
            LOG.warning("no WebSocket container: the citizens' chat falls back to polling");
            return;
        }
        try {
            container.addEndpoint(CitizenChatSocket.class);
        } catch (DeploymentException e) {
            LOG.fine(() -> "citizen socket already registered by scanning: " + e.getMessage());
        }
    }
}
