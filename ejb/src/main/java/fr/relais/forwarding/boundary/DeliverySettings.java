package fr.relais.forwarding.boundary;

import fr.relais.forwarding.control.UnitSystemClient;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long a delivery may take: {@code RELAIS_DELIVERY_CONNECT_TIMEOUT} to connect (2 s) and
 * {@code RELAIS_DELIVERY_READ_TIMEOUT} for the answer (5 s); at most {@code RELAIS_DELIVERY_MAX_CONCURRENT}
 * calls in flight on this node (4); one HTTP client for all deliveries.
 */
@ApplicationScoped
public class DeliverySettings {
    @Inject
    @ConfigProperty(name = "RELAIS_DELIVERY_CONNECT_TIMEOUT", defaultValue = "PT2S")
    String connectTimeout;

    @Inject
    @ConfigProperty(name = "RELAIS_DELIVERY_READ_TIMEOUT", defaultValue = "PT5S")
    String readTimeout;

    @Inject
    @ConfigProperty(name = "RELAIS_DELIVERY_MAX_CONCURRENT", defaultValue = "4")
    int maxConcurrent;

    private UnitSystemClient client;
    private Semaphore calls;

    @PostConstruct
    void init() {
        client = new UnitSystemClient(Duration.parse(connectTimeout), Duration.parse(readTimeout));
        calls = new Semaphore(Math.max(1, maxConcurrent));
    }

    public UnitSystemClient client() {
        return client;
    }

    /**
     * The calls to units' systems this node may have in flight at once: each holds a job thread and its
     * pooled database connections for up to the two timeouts, so a flood of slow systems must not take
     * the connections the other jobs (the timers) need.
     */
    public Semaphore calls() {
        return calls;
    }
}
