package fr.relais.operators.boundary;

import fr.relais.operators.entity.OperatorState;
import fr.relais.shared.Platform;
import java.io.Serializable;
import java.time.Instant;

/**
 * An operator's status as the operator and the platform's supervisors see it: since when, the
 * conversations held and the cap ({@code capSet} false: the configured default applies).
 */
public record OperatorStatus(
        String username,
        String displayName,
        Platform platform,
        OperatorState.Status status,
        Instant since,
        int held,
        int cap,
        boolean capSet)
        implements Serializable {

    public boolean mayTakeMore() {
        return status == OperatorState.Status.AVAILABLE && held < cap;
    }
}
