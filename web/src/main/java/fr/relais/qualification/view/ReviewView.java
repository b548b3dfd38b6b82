package fr.relais.qualification.view;

import fr.relais.qualification.boundary.Qualifications;
import fr.relais.qualification.entity.Report;
import fr.relais.shared.DomainException;
import fr.relais.shared.view.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/** The operator reviews what will leave the platform, corrects it if needed, and forwards it. */
@Named
@ViewScoped
public class ReviewView implements Serializable {
    @EJB
    Qualifications qualifications;

    private Long id;
    private Report report;
    private String outgoing;

    public void load() {
        try {
            report = id == null ? null : qualifications.report(id);
            if (outgoing == null && report != null) {
                outgoing = report.outgoingNarrative();
            }
        } catch (DomainException e) {
            Messages.refused(e);
            report = null;
        }
    }

    public boolean isReviewable() {
        return report != null && report.status() == Report.Status.IN_REVIEW;
    }

    public String approve() {
        try {
            Report forwarded = qualifications.review(id, outgoing);
            Messages.info(forwarded.status() == Report.Status.REROUTING ? "review.unresolved" : "review.forwarded");
            return "/operator/tasks?faces-redirect=true";
        } catch (DomainException e) {
            Messages.refused(e);
            return null;
        }
    }

    public Report getReport() {
        return report;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getOutgoing() {
        return outgoing;
    }

    public void setOutgoing(String outgoing) {
        this.outgoing = outgoing;
    }
}
