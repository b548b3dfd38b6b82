package fr.relais.dangernow.view;

import fr.relais.dangernow.boundary.DangerNowEvent;
import fr.relais.intake.view.ConsolePush;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;

/**
 * Tells the screens a danger-now request changed, once committed: the unit's desk ({@value #DESK}
 * channel, one "user" per unit code) and the operator holding the chat (the console's
 * {@code operator} channel, which reloads the conversation). The push carries no data.
 */
@ApplicationScoped
public class DangerNowPush {
    public static final String DESK = "desk";

    @Inject
    @Push(channel = DESK)
    PushContext desk;

    @Inject
    @Push(channel = ConsolePush.OPERATOR)
    PushContext operator;

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) DangerNowEvent event) {
        desk.send(DESK, event.unitCode());
        if (event.operator() != null) {
            operator.send(ConsolePush.OPERATOR, event.operator());
        }
    }
}
