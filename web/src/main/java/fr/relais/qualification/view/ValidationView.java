package fr.relais.qualification.view;

import fr.relais.qualification.boundary.Qualifications;
import fr.relais.qualification.boundary.ValidationCase;
import fr.relais.shared.DomainException;
import fr.relais.shared.view.Messages;
import fr.relais.workflow.ProcessVariables.ValidationDecision;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A supervisor's list of sensitive reports waiting for validation: approve, or send back with a comment. */
@Named
@ViewScoped
public class ValidationView implements Serializable {
    @EJB
    Qualifications qualifications;

    private List<ValidationCase> reports;
    private final Map<Long, String> comments = new HashMap<>();

    @PostConstruct
    void load() {
        reports = qualifications.awaitingValidation();
    }

    public void approve(long reportId) {
        answer(reportId, ValidationDecision.APPROVED, "validation.approved");
    }

    public void sendBack(long reportId) {
        answer(reportId, ValidationDecision.SENT_BACK, "validation.sentBack");
    }

    private void answer(long reportId, ValidationDecision decision, String done) {
        try {
            qualifications.validate(reportId, decision, comments.get(reportId));
            comments.remove(reportId);
            Messages.info(done);
        } catch (DomainException e) {
            Messages.refused(e);
        }
        load();
    }

    public List<ValidationCase> getReports() {
        return reports;
    }

    public Map<Long, String> getComments() {
        return comments;
    }
}
