package fr.relais.sla.view;

import fr.relais.shared.view.StaffChannels;
import fr.relais.shared.view.StaffSockets;
import fr.relais.sla.boundary.AlertEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Tells the alerts screens (channel {@code alerts} of the staff's socket, on {@code /supervisor/alerts.xhtml})
 * that an alert was raised or acknowledged, once it is committed, as {@code ConsolePush} does for the queues.
 * One message to every open alerts screen, carrying nothing: each screen reads its alerts again through the
 * boundary, which keeps a supervisor to their platform (alerts are a few a minute at most, so a screen of
 * the other platform reading its own list again costs nothing worth a channel per platform). The changes
 * committed on other instances come as {@code @Relayed} events from {@code AlertRelay}, observed here too.
 */
@ApplicationScoped
public class AlertsPush {
    public static final String ALERTS = StaffChannels.ALERTS;

    @Inject
    StaffSockets sockets;

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AlertEvent changed) {
        sockets.send(ALERTS);
    }
}
