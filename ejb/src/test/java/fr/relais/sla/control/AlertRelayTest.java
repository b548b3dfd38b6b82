package fr.relais.sla.control;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.shared.Platform;
import fr.relais.sla.boundary.AlertEvent;
import org.junit.jupiter.api.Test;

class AlertRelayTest {

    @Test
    void aChangeCrossesTheGridAsItsKindAndPlatformOnly() {
        String raised = AlertRelay.encode("origin-1", new AlertEvent.Raised(Platform.VSS));
        assertThat(raised).isEqualTo("origin-1 raised VSS");
        assertThat(AlertRelay.decode(raised)).isEqualTo(new AlertEvent.Raised(Platform.VSS));

        String acknowledged = AlertRelay.encode("origin-2", new AlertEvent.Acknowledged(null));
        assertThat(acknowledged).as("an alert of no platform").isEqualTo("origin-2 acknowledged -");
        assertThat(AlertRelay.decode(acknowledged)).isEqualTo(new AlertEvent.Acknowledged(null));
    }

    @Test
    void aMessageThisVersionDoesNotReadIsSkipped() {
        assertThat(AlertRelay.decode(null)).isNull();
        assertThat(AlertRelay.decode("origin raised")).isNull();
        assertThat(AlertRelay.decode("origin deleted VSS")).isNull();
        assertThat(AlertRelay.decode("origin raised MOON")).isNull();
    }
}
