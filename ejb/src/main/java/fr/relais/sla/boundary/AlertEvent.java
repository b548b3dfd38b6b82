package fr.relais.sla.boundary;

import fr.relais.shared.Platform;

/**
 * What {@link Alerts} tells the screens after a change of the alerts commits (CDI events, to be observed
 * {@code during = TransactionPhase.AFTER_SUCCESS}): no content of the alert; the screens read the alerts
 * again through the boundary, which applies the reader's scope.
 */
public sealed interface AlertEvent {
    /** The alert's platform; null for an alert of no platform (listed to administrators only). */
    Platform platform();

    /** An alert was raised (a breach, an incident, a broken audit chain). */
    record Raised(Platform platform) implements AlertEvent {}

    /** An alert was acknowledged by a supervisor or an administrator. */
    record Acknowledged(Platform platform) implements AlertEvent {}
}
