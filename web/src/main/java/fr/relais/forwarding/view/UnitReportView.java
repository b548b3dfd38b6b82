package fr.relais.forwarding.view;

import fr.relais.directory.boundary.Directory;
import fr.relais.directory.entity.Unit;
import fr.relais.forwarding.boundary.Forwarding;
import fr.relais.forwarding.boundary.UnitReport;
import fr.relais.forwarding.entity.Handoff;
import fr.relais.shared.DomainException;
import fr.relais.shared.view.Messages;
import fr.relais.workflow.ProcessVariables.UnitDecision;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * One report as the unit has it ({@code /unit/report.xhtml?id=}): the unit's projection, the
 * qualification, the rule of competence, the history of its handoffs, and the step open for the unit
 * (acknowledge, take over or decline, record the outcome). Another unit's report is a 404.
 */
@Named
@ViewScoped
public class UnitReportView implements Serializable {
    @EJB
    Forwarding forwarding;

    @EJB
    Directory directory;

    private Long id;
    private UnitReport report;
    private String reason;
    private String suggestedUnit;
    private Handoff.Outcome outcome;
    private String note;
    private List<Unit> units;

    /** The view action: loads the report, or answers 404 when the unit does not have it. */
    public void load() throws IOException {
        if (id == null) {
            notFound();
            return;
        }
        try {
            report = forwarding.unitReport(id);
        } catch (DomainException e) {
            notFound();
        }
    }

    private static void notFound() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().responseSendError(404, Messages.text("unit.report.notFound"));
        faces.responseComplete();
    }

    /** Reloads after the engine moved on (the poll while a step is being recorded). */
    public void refresh() {
        try {
            report = forwarding.unitReport(id);
        } catch (DomainException e) {
            report = null;
        }
    }

    public void acknowledge() {
        try {
            report = forwarding.acknowledge(id);
            Messages.info("unit.acknowledged");
        } catch (DomainException e) {
            Messages.refused(e);
            refresh();
        }
    }

    public void takeOver() {
        try {
            report = forwarding.answer(id, UnitDecision.ACCEPTED, null);
            Messages.info("unit.takenover");
        } catch (DomainException e) {
            Messages.refused(e);
            refresh();
        }
    }

    public void decline() {
        try {
            forwarding.answer(id, UnitDecision.DECLINED, reason, suggestedUnit);
            report = null;
            Messages.info("unit.declined");
        } catch (DomainException e) {
            Messages.refused(e);
            refresh();
        }
    }

    public void recordOutcome() {
        try {
            report = forwarding.recordOutcome(id, outcome, note);
            Messages.info("unit.outcome.recorded");
        } catch (DomainException e) {
            Messages.refused(e);
            refresh();
        }
    }

    /** Whether the engine is still recording the unit's last answer (the page polls until it has). */
    public boolean isPending() {
        return report != null && !report.readOnly() && report.nextStep() == null && !"CLOSED".equals(report.status());
    }

    /** Minutes left before the acknowledgement target (negative once missed); null once acknowledged. */
    public Long getMinutesLeft() {
        return report == null ? null : InboxView.minutesLeft(report, Instant.now());
    }

    public List<Unit> getUnits() {
        if (units == null) {
            units = directory.units();
        }
        return units;
    }

    public Handoff.Outcome[] getOutcomes() {
        return Handoff.Outcome.values();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public UnitReport getReport() {
        return report;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getSuggestedUnit() {
        return suggestedUnit;
    }

    public void setSuggestedUnit(String suggestedUnit) {
        this.suggestedUnit = suggestedUnit;
    }

    public Handoff.Outcome getOutcome() {
        return outcome;
    }

    public void setOutcome(Handoff.Outcome outcome) {
        this.outcome = outcome;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
