package fr.relais.intake.view;

import fr.relais.intake.boundary.Transfers;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.List;

/**
 * The psychologist's screen: the conversations handed to them, the same conversation view as the
 * operators' ({@link ConversationScreen}), and the transfer back to the platform's queue or to an
 * operator.
 */
@Named
@ViewScoped
public class PsychologistView extends ConversationScreen {
    /** A psychologist hands a conversation back: to the queue, or to an operator of the platform. */
    private static final List<Transfers.Target> TARGETS = List.of(Transfers.Target.QUEUE, Transfers.Target.COLLEAGUE);

    public PsychologistView() {
        super(Transfers.Target.QUEUE);
    }

    @Override
    protected boolean opensFirst() {
        return true;
    }

    @Override
    public List<Transfers.Target> getTransferTargets() {
        return TARGETS;
    }
}
