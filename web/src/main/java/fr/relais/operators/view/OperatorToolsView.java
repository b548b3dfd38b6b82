package fr.relais.operators.view;

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

/** The operator's tools on the console: their status (and cap), and the platform's canned answers. */
@Named
@ViewScoped
public class OperatorToolsView implements Serializable {
    @EJB
    Operators operators;

    @EJB
    CannedAnswers cannedAnswers;

    private OperatorStatus status;
    private OperatorState.Status next;
    private List<CannedAnswers.Entry> answers;

    @PostConstruct
    void init() {
        status = operators.mine();
        next = status.status();
        answers = cannedAnswers.list(null);
    }

    public void change() {
        try {
            status = operators.changeStatus(next);
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

    public List<CannedAnswers.Entry> getAnswers() {
        return answers;
    }
}
