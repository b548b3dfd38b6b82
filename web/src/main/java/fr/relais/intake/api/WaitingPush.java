package fr.relais.intake.api;

import fr.relais.intake.boundary.ChatEvent;
import fr.relais.operators.boundary.OperatorEvent;
import fr.relais.operators.boundary.Waiting;
import fr.relais.operators.boundary.WaitingLine;
import fr.relais.shared.Platform;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pushes the waiting estimates to the citizens' sockets once a change is committed: a chat of the
 * platform was opened, taken or closed, or an operator's status or cap changed. Each waiting chat
 * gets {@code {"type":"waiting","waiting":{position, estimatedMinutes, nobodyAvailable, ...}}}; the
 * chat that was taken or closed gets its new status. Computed on the container's executor, in a
 * transaction of its own, after the request's has ended.
 */
@ApplicationScoped
public class WaitingPush {
    private static final Logger LOG = Logger.getLogger(WaitingPush.class.getName());

    /** The push message; {@code type} tells it from a chat line. */
    public record WaitingMessage(String type, Waiting waiting) {}

    @Resource
    ManagedExecutorService executor;

    @EJB
    WaitingLine waitingLine;

    @jakarta.inject.Inject
    CitizenChatSockets sockets;

    private final Jsonb jsonb = JsonbBuilder.create();

    void queueChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChatEvent.QueueChanged changed) {
        push(changed.platform(), changed.chatId());
    }

    void availabilityChanged(
            @Observes(during = TransactionPhase.AFTER_SUCCESS) OperatorEvent.AvailabilityChanged changed) {
        push(changed.platform(), null);
    }

    private void push(Platform platform, Long chatId) {
        if (platform == null || !sockets.anyConnected()) {
            return; // nobody to tell on this instance (an API client reads GET waiting)
        }
        try {
            executor.execute(() -> {
                try {
                    Map<Long, Waiting> estimates = waitingLine.afterChange(platform, chatId);
                    estimates.forEach((id, waiting) -> {
                        if (sockets.anyConnected(id)) {
                            sockets.send(id, jsonb.toJson(new WaitingMessage("waiting", waiting)));
                        }
                    });
                } catch (RuntimeException e) {
                    // the page also reads GET waiting now and then: nothing is lost for long
                    LOG.log(Level.WARNING, "waiting estimates push failed", e);
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "waiting estimates push not scheduled", e);
        }
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
