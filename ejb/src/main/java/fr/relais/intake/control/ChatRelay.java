package fr.relais.intake.control;

import com.hazelcast.config.Config;
import com.hazelcast.config.ReliableTopicConfig;
import com.hazelcast.config.RingbufferConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import com.hazelcast.topic.ReliableMessageListener;
import com.hazelcast.topic.TopicOverloadPolicy;
import fr.relais.intake.boundary.ChatEvent;
import fr.relais.intake.boundary.Relayed;
import fr.relais.shared.DataGrid;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Carries the chat events of one instance to the others of its cluster, so that a citizen and an
 * operator connected to two instances still talk live. Every {@link ChatEvent} committed here is
 * published, after the transaction succeeded, on the data grid's reliable topic {@value #TOPIC}
 * (one ring buffer: every instance reads the events in the order they were published); every
 * instance fires the events of the others again as CDI events qualified {@link Relayed}, outside
 * any transaction, and its own observers (the citizens' sockets, the staff screens' socket) deliver
 * them to the connections they hold. An instance skips what it published itself: its observers
 * already had it at commit. No database polling; alone (Payara Micro's {@code --nocluster}) the
 * topic has one reader, which skips everything.
 *
 * <p>The grid holds the events' text for {@value #TIME_TO_LIVE_SECONDS} s at most (ring buffer of
 * {@value #CAPACITY}); a reader that falls behind further skips ahead, and its clients catch up
 * with {@code GET messages} when they reconnect, as after any lost connection.
 */
@ApplicationScoped
public class ChatRelay {
    public static final String TOPIC = "relais-chat-events";
    static final int CAPACITY = 10_000;
    static final int TIME_TO_LIVE_SECONDS = 60;
    private static final String RING_BUFFER_PREFIX = "_hz_rb_";
    private static final Logger LOG = Logger.getLogger(ChatRelay.class.getName());

    @Inject
    DataGrid grid;

    @Inject
    Event<ChatEvent> events;

    @Resource
    ContextService contexts;

    private final String origin = UUID.randomUUID().toString();
    private final ChatEventCodec codec = new ChatEventCodec();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong relayed = new AtomicLong();
    private ITopic<String> topic;
    private UUID registration;

    @PostConstruct
    void subscribe() {
        HazelcastInstance hazelcast = grid.instance().orElse(null);
        if (hazelcast == null) {
            LOG.info("Chat relay: no data grid, chat events stay on this instance");
            return;
        }
        try {
            configure(hazelcast.getConfig());
            topic = hazelcast.getReliableTopic(TOPIC);
            // the grid's threads carry no application context: deliver in the one captured here
            Consumer<String> deliver = contexts.contextualConsumer(this::received);
            registration = topic.addMessageListener(new Listener(deliver));
            LOG.info(() -> "Chat relay: on the data grid's topic " + TOPIC + ", cluster " + grid.clusterName() + " of "
                    + grid.members() + " member(s)");
        } catch (RuntimeException e) {
            topic = null;
            LOG.log(Level.WARNING, "Chat relay: cannot use the data grid, chat events stay on this instance", e);
        }
    }

    /** Started with the application, not at the first chat: the other instances' events come first. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
        // creating the bean subscribes it
    }

    /** Publishes what this instance committed; what another instance relayed is not published again. */
    void publish(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChatEvent event, EventMetadata metadata) {
        if (topic == null || metadata.getQualifiers().contains(Relayed.LITERAL)) {
            return;
        }
        try {
            topic.publish(codec.encode(origin, event));
            published.incrementAndGet();
        } catch (RuntimeException e) {
            // committed and delivered here; the other instances' clients catch up when they reconnect
            LOG.log(Level.WARNING, "Chat relay: could not publish a chat event", e);
        }
    }

    /** Events this instance published, and events of other instances it fired here. */
    public long[] counts() {
        return new long[] {published.get(), relayed.get()};
    }

    public boolean active() {
        return topic != null;
    }

    private void received(String text) {
        ChatEventCodec.Envelope envelope = codec.decode(text);
        if (envelope == null) {
            LOG.fine("Chat relay: skipped an event this version does not know");
            return;
        }
        if (origin.equals(envelope.origin())) {
            return;
        }
        try {
            events.select(Relayed.LITERAL).fire(envelope.event());
            relayed.incrementAndGet();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Chat relay: delivering a relayed chat event failed", e);
        }
    }

    /** Bounds what the grid keeps: a minute of events at most, never blocking a publisher. */
    private static void configure(Config config) {
        try {
            config.addRingBufferConfig(new RingbufferConfig(RING_BUFFER_PREFIX + TOPIC)
                    .setCapacity(CAPACITY)
                    .setTimeToLiveSeconds(TIME_TO_LIVE_SECONDS));
            config.addReliableTopicConfig(
                    new ReliableTopicConfig(TOPIC).setTopicOverloadPolicy(TopicOverloadPolicy.DISCARD_OLDEST));
        } catch (RuntimeException e) {
            // another member added a different one first: its settings apply
            LOG.log(Level.INFO, "Chat relay: keeping the grid's configuration of " + TOPIC, e);
        }
    }

    @PreDestroy
    void unsubscribe() {
        if (topic != null && registration != null) {
            try {
                topic.removeMessageListener(registration);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Chat relay: removing the listener", e);
            }
        }
        try {
            codec.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "closing JSON-B", e);
        }
    }

    /** Reads new events only, in order, and survives falling behind or a failing delivery. */
    private record Listener(Consumer<String> deliver) implements ReliableMessageListener<String> {
        @Override
        public void onMessage(Message<String> message) {
            try {
                deliver.accept(message.getMessageObject());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Chat relay: an event could not be delivered", e);
            }
        }

        @Override
        public long retrieveInitialSequence() {
            return -1;
        }

        @Override
        public void storeSequence(long sequence) {
            // nothing to resume: a restarted instance has no connection waiting for old events
        }

        @Override
        public boolean isLossTolerant() {
            return true;
        }

        @Override
        public boolean isTerminal(Throwable failure) {
            return false;
        }
    }
}
