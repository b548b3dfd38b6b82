package fr.relais.operators.view;

import fr.relais.intake.boundary.Transfers;
import fr.relais.operators.boundary.CannedAnswers;
import fr.relais.operators.boundary.OperatorStatus;
import fr.relais.operators.boundary.Operators;
import fr.relais.operators.entity.OperatorState;
import fr.relais.shared.DomainException;
import fr.relais.shared.view.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The operator's tools on the console: their status (and cap), who receives their conversations when they
 * go off shift, and the platform's canned answers.
 */
@Named
@ViewScoped
public class OperatorToolsView implements Serializable {
    @EJB
    Operators operators;

    @EJB
    CannedAnswers cannedAnswers;

    @EJB
    Transfers transfers;

    private OperatorStatus status;
    private OperatorState.Status next;
    private List<CannedAnswers.Entry> answers;
    private List<Transfers.Person> colleagues;
    /** Who receives the conversations held when going off shift; null: the platform's queue. */
    private String handTo;

    @PostConstruct
    void init() {
        status = operators.mine();
        next = status.status();
        answers = cannedAnswers.list(null);
        colleagues = transfers.colleagues();
    }

    public void change() {
        try {
            status = operators.changeStatus(next, next == OperatorState.Status.OFF_SHIFT ? handTo : null, null);
            handTo = null;
            Messages.info("operators.status.changed");
        } catch (DomainException e) {
            Messages.refused(e);
            status = operators.mine();
        }
        next = status.status();
    }

    public List<OperatorState.Status> getStatuses() {
        return List.of(OperatorState.Status.values());
    }

    public OperatorStatus getStatus() {
        return status;
    }

    public OperatorState.Status getNext() {
        return next;
    }

    public void setNext(OperatorState.Status next) {
        this.next = next;
    }

    /** The colleagues the operator may hand their conversations to when going off shift. */
    public List<Transfers.Person> getColleagues() {
        return colleagues;
    }

    public String getHandTo() {
        return handTo;
    }

    public void setHandTo(String handTo) {
        this.handTo = handTo == null || handTo.isBlank() ? null : handTo;
    }

    public List<CannedAnswers.Entry> getAnswers() {
        return answers;
    }
}
