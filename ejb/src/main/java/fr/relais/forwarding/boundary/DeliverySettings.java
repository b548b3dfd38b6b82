package fr.relais.forwarding.boundary;

import fr.relais.forwarding.control.UnitSystemClient;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long a delivery may take: {@code RELAIS_DELIVERY_CONNECT_TIMEOUT} to connect (2 s) and
 * {@code RELAIS_DELIVERY_READ_TIMEOUT} for the answer (5 s); one HTTP client for all deliveries.
 */
@ApplicationScoped
public class DeliverySettings {
    @Inject
    @ConfigProperty(name = "RELAIS_DELIVERY_CONNECT_TIMEOUT", defaultValue = "PT2S")
    String connectTimeout;

    @Inject
    @ConfigProperty(name = "RELAIS_DELIVERY_READ_TIMEOUT", defaultValue = "PT5S")
    String readTimeout;

    private UnitSystemClient client;

    @PostConstruct
    void init() {
        client = new UnitSystemClient(Duration.parse(connectTimeout), Duration.parse(readTimeout));
    }

    public UnitSystemClient client() {
        return client;
    }
}
