package fr.relais.qualification.view;

import fr.relais.qualification.entity.FactsWhen;
import fr.relais.qualification.entity.Report;
import fr.relais.shared.DomainException;
import fr.relais.shared.view.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

/** The operator reviews what will leave the platform, corrects it if needed, and forwards it. */
@Named
@ViewScoped
public class ReviewView extends ReportPage {
    private String outgoing;

    @Override
    public void load() {
        super.load();
        if (outgoing == null && report != null) {
            outgoing = report.outgoingNarrative();
        }
    }

    /** Why what the engine finds identifying in a hand correction may leave anyway (recorded). */
    private String releaseReason;

    public boolean isReviewable() {
        return isAt(Report.Status.IN_REVIEW);
    }

    /** The engine is still preparing the outgoing narrative: the page polls until it is there. */
    public boolean isPreparing() {
        return isAt(Report.Status.ANONYMISING);
    }

    public String approve() {
        try {
            qualifications.review(id, outgoing, releaseReason);
            Messages.info("review.forwarded");
            return "/operator/tasks?faces-redirect=true";
        } catch (DomainException e) {
            Messages.refused(e);
            return null;
        }
    }

    /** When the facts happened, in the time of the place's department, which it names. */
    public String getFactsWhen() {
        FactsWhen when = report == null ? null : report.factsWhen();
        String text = FactsWhenText.of(when, Messages::text);
        return when == null || when.zone() == null
                ? text
                : text + " (" + Messages.text("when.zone." + when.zone().getId()) + ")";
    }

    public String getReleaseReason() {
        return releaseReason;
    }

    public void setReleaseReason(String releaseReason) {
        this.releaseReason = releaseReason;
    }

    public String getOutgoing() {
        return outgoing;
    }

    public void setOutgoing(String outgoing) {
        this.outgoing = outgoing;
    }
}
