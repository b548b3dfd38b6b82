package fr.relais.intake.view;

import fr.relais.intake.boundary.Transfers;
import fr.relais.shared.DomainException;
import fr.relais.shared.view.Messages;
import java.io.Serializable;

/** The transfer part of a conversation screen: where to, to whom, the note; shared by the staff views. */
public class TransferForm implements Serializable {
    private Transfers.Target target;
    private String to;
    private String note;

    TransferForm(Transfers.Target target) {
        this.target = target;
    }

    /** Transfers the chat; true when it left the caller, false (with the refusal shown) otherwise. */
    boolean submit(Transfers transfers, Long chatId) {
        if (chatId == null) {
            return false;
        }
        try {
            transfers.transfer(chatId, target, to, note);
            Messages.info("transfer.done");
            to = null;
            note = null;
            return true;
        } catch (DomainException e) {
            Messages.refused(e);
            return false;
        }
    }

    public Transfers.Target getTarget() {
        return target;
    }

    public void setTarget(Transfers.Target target) {
        this.target = target;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
