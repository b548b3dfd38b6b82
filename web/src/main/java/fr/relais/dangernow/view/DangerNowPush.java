package fr.relais.dangernow.view;

import fr.relais.dangernow.boundary.DangerNowEvent;
import fr.relais.shared.view.StaffChannels;
import fr.relais.shared.view.StaffSockets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Tells the screens a danger-now request changed, once committed (the staff's socket): the unit's desk
 * ({@value #DESK} channel, one "user" per unit code) and the operator holding the chat (the console's
 * {@code operator} channel, which reloads the conversation). The push carries no data.
 */
@ApplicationScoped
public class DangerNowPush {
    public static final String DESK = StaffChannels.DESK;

    @Inject
    StaffSockets sockets;

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) DangerNowEvent event) {
        sockets.send(DESK, event.unitCode());
        if (event.operator() != null) {
            sockets.send(StaffChannels.OPERATOR, event.operator());
        }
    }
}
