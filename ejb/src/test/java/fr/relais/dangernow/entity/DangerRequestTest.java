package fr.relais.dangernow.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.shared.DomainException;
import fr.relais.shared.Platform;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DangerRequestTest {
    private static final Instant RAISED = Instant.parse("2026-11-28T21:00:00Z");

    private final DangerRequest request = new DangerRequest(
            1L, Platform.GENERALIST, "CSP-GUYANCOURT", "78280", "Guyancourt", "Menacé au couteau", "operateur", RAISED);

    @Test
    void isAcknowledgedOnceOnly() {
        request.acknowledge("agent-guyancourt", RAISED.plusSeconds(40));

        assertThat(request.isAcknowledged()).isTrue();
        assertThat(request.acknowledgedBy()).isEqualTo("agent-guyancourt");
        assertThatThrownBy(() -> request.acknowledge("agent-2", RAISED.plusSeconds(50)))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("déjà");
        assertThat(request.acknowledgedBy()).isEqualTo("agent-guyancourt");
    }

    @Test
    void isEscalatedOnlyWhileNotAcknowledgedAndOnlyOnce() {
        request.escalate(RAISED.plusSeconds(300));
        request.escalate(RAISED.plusSeconds(400));
        assertThat(request.escalatedAt()).isEqualTo(RAISED.plusSeconds(300));

        DangerRequest acknowledged = new DangerRequest(
                2L, Platform.VSS, "CSP-VERSAILLES", "78000", null, "Danger", "operatrice-vss", RAISED);
        acknowledged.acknowledge("agent-versailles", RAISED.plusSeconds(10));
        acknowledged.escalate(RAISED.plusSeconds(300));
        assertThat(acknowledged.escalatedAt()).isNull();
    }
}
