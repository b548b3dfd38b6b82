package fr.relais.health;

import fr.relais.intake.control.ChatRelay;
import fr.relais.shared.DataGrid;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The data grid as this instance sees it: how many members its cluster has and whether chat events
 * cross to them. Always UP (an instance alone is ready too); the figures are for operators and the
 * scale-out test, which checks two members before it tests anything, and are shown only to the
 * callers {@link EndpointFilter} lets see the checks' data.
 */
@Readiness
@ApplicationScoped
public class ClusterCheck implements HealthCheck {
    @Inject
    DataGrid grid;

    @Inject
    ChatRelay relay;

    @Override
    public HealthCheckResponse call() {
        long[] counts = relay.counts();
        return HealthCheckResponse.named("relais-cluster")
                .up()
                .withData("members", grid.members())
                .withData("chatRelay", relay.active() ? "UP" : "OFF")
                .withData("chatEventsPublished", counts[0])
                .withData("chatEventsRelayed", counts[1])
                .build();
    }
}
