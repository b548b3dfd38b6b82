package fr.relais.intake.view;

import fr.relais.intake.boundary.ChatEvent;
import fr.relais.qualification.boundary.ReportEvent;
import fr.relais.shared.view.StaffChannels;
import fr.relais.shared.view.StaffSockets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Tells the operators' screens (the staff's socket, {@code /ws/staff}) what changed once it is
 * committed: the {@code queue} channel, one "user" per platform, when a chat of the platform's queue
 * is opened, taken or closed, or a report received by the public form arrives or is taken by an
 * operator (not relayed across instances); the {@code operator} channel, one user per operator, when
 * a citizen writes in a chat the operator holds. The screens then reload what they show through the
 * boundary, which applies the caller's scope: the push carries no data. Chat events committed on
 * another instance come here too, as {@code @Relayed} events fired by ChatRelay.
 */
@ApplicationScoped
public class ConsolePush {
    public static final String QUEUE = StaffChannels.QUEUE;
    public static final String OPERATOR = StaffChannels.OPERATOR;

    @Inject
    StaffSockets sockets;

    void queueChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChatEvent.QueueChanged changed) {
        sockets.send(QUEUE, changed.platform().name());
    }

    /** A report arrived by the public form, or an operator took one: the platform's list of them is redrawn. */
    void formReportsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReportEvent.FormReportsChanged changed) {
        sockets.send(QUEUE, changed.platform().name());
    }

    void posted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChatEvent.Posted posted) {
        if (posted.operator() != null && "CITIZEN".equals(posted.line().author())) {
            sockets.send(OPERATOR, posted.operator());
        }
    }
}
