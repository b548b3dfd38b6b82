package fr.relais.shared.view;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import java.util.logging.Logger;

/**
 * Registers the staff's socket with the WebSocket container explicitly, as {@code
 * CitizenChatSocketRegistration} does for the citizens' (Payara Micro's Tyrus stopped finding the
 * annotated endpoints by scanning); a second registration after a scan is refused and ignored.
 */
@WebListener
public class StaffSocketRegistration implements ServletContextListener {
    private static final Logger LOG = Logger.getLogger(StaffSocketRegistration.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        var container = (ServerContainer) event.getServletContext().getAttribute(ServerContainer.class.getName());
        if (container == null) {
            LOG.warning("no WebSocket container: the staff screens are not updated live");
            return;
        }
        try {
            container.addEndpoint(StaffSocket.class);
        } catch (DeploymentException e) {
            LOG.fine(() -> "staff socket already registered by scanning: " + e.getMessage());
        }
    }
}
