package fr.relais.sla.control;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import com.hazelcast.topic.MessageListener;
import fr.relais.intake.boundary.Relayed;
import fr.relais.shared.DataGrid;
import fr.relais.shared.Platform;
import fr.relais.sla.boundary.AlertEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.spi.EventMetadata;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Carries the alerts' changes of one instance to the others of its cluster, so that an alert raised by a
 * job on one instance reaches the alerts screens connected to another (as {@code ChatRelay} does for the
 * chats): every {@link AlertEvent} committed here is published, after the transaction succeeded, on the
 * data grid's topic {@value #TOPIC} as "origin change platform" (nothing of the alert itself); every other
 * instance fires it again as an {@link AlertEvent} qualified {@link Relayed}, outside any transaction, for
 * its own observers. Best effort: a message lost in the grid leaves a screen to show the alert at its next
 * redraw. Alone ({@code --nocluster}) there is no grid and nothing to relay.
 */
@ApplicationScoped
public class AlertRelay {
    public static final String TOPIC = "relais-alert-events";
    private static final Logger LOG = Logger.getLogger(AlertRelay.class.getName());

    @Inject
    DataGrid grid;

    @Inject
    Event<AlertEvent> events;

    @Resource
    ContextService contexts;

    private final String origin = UUID.randomUUID().toString();
    private ITopic<String> topic;
    private UUID registration;

    @PostConstruct
    void subscribe() {
        HazelcastInstance hazelcast = grid.instance().orElse(null);
        if (hazelcast == null) {
            return;
        }
        try {
            topic = hazelcast.getTopic(TOPIC);
            // the grid's threads carry no application context: deliver in the one captured here
            Consumer<String> deliver = contexts.contextualConsumer(this::received);
            registration = topic.addMessageListener(new Listener(deliver));
        } catch (RuntimeException e) {
            topic = null;
            LOG.log(Level.WARNING, "Alert relay: cannot use the data grid, alerts are pushed on this instance only", e);
        }
    }

    /** Started with the application: the other instances' alerts come before any local one. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
        // creating the bean subscribes it
    }

    /** Publishes what this instance committed; what another instance relayed is not published again. */
    void publish(@Observes(during = TransactionPhase.AFTER_SUCCESS) AlertEvent event, EventMetadata metadata) {
        if (topic == null || metadata.getQualifiers().contains(Relayed.LITERAL)) {
            return;
        }
        try {
            topic.publish(encode(origin, event));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Alert relay: could not publish an alert's change", e);
        }
    }

    static String encode(String origin, AlertEvent event) {
        String change = event instanceof AlertEvent.Raised ? "raised" : "acknowledged";
        return origin + " " + change + " "
                + (event.platform() == null ? "-" : event.platform().name());
    }

    /** The event of a message, or null for one this version does not read. */
    static AlertEvent decode(String text) {
        String[] parts = text == null ? new String[0] : text.split(" ");
        if (parts.length != 3) {
            return null;
        }
        try {
            Platform platform = "-".equals(parts[2]) ? null : Platform.valueOf(parts[2]);
            return switch (parts[1]) {
                case "raised" -> new AlertEvent.Raised(platform);
                case "acknowledged" -> new AlertEvent.Acknowledged(platform);
                default -> null;
            };
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void received(String text) {
        if (text == null || text.startsWith(origin + " ")) {
            return;
        }
        AlertEvent event = decode(text);
        if (event == null) {
            return;
        }
        try {
            events.select(Relayed.LITERAL).fire(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Alert relay: delivering a relayed alert failed", e);
        }
    }

    @PreDestroy
    void unsubscribe() {
        if (topic != null && registration != null) {
            try {
                topic.removeMessageListener(registration);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Alert relay: removing the listener", e);
            }
        }
    }

    private record Listener(Consumer<String> deliver) implements MessageListener<String> {
        @Override
        public void onMessage(Message<String> message) {
            try {
                deliver.accept(message.getMessageObject());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Alert relay: an alert's change could not be delivered", e);
            }
        }
    }
}
