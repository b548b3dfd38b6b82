package fr.relais.intake.view;

import fr.relais.intake.boundary.ChatEvent;
import fr.relais.qualification.boundary.ReportEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;

/**
 * Tells the operators' screens (Faces websockets, {@code <f:websocket>} on the tasks page) what
 * changed once it is committed: the {@value #QUEUE} channel, one "user" per platform, when a
 * chat of the platform's queue is opened, taken or closed, or a report received by the public form
 * arrives or is taken by an operator (not relayed across instances); the {@value #OPERATOR} channel, one user
 * per operator, when a citizen writes in a chat the operator holds. The screens then reload what
 * they show through the boundary, which applies the caller's scope: the push carries no data.
 */
@ApplicationScoped
public class ConsolePush {
    public static final String QUEUE = "queue";
    public static final String OPERATOR = "operator";

    @Inject
    @Push(channel = QUEUE)
    PushContext queue;

    @Inject
    @Push(channel = OPERATOR)
    PushContext operator;

    void queueChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChatEvent.QueueChanged changed) {
        queue.send(QUEUE, changed.platform().name());
    }

    /** A report arrived by the public form, or an operator took one: the platform's list of them is redrawn. */
    void formReportsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReportEvent.FormReportsChanged changed) {
        queue.send(QUEUE, changed.platform().name());
    }

    void posted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChatEvent.Posted posted) {
        if (posted.operator() != null && "CITIZEN".equals(posted.line().author())) {
            operator.send(OPERATOR, posted.operator());
        }
    }
}
