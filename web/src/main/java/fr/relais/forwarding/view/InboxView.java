package fr.relais.forwarding.view;

import fr.relais.forwarding.boundary.Forwarding;
import fr.relais.forwarding.boundary.UnitReport;
import fr.relais.shared.DomainException;
import fr.relais.shared.view.Messages;
import fr.relais.workflow.ProcessVariables.UnitDecision;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A unit agent's inbox: reports forwarded to the agent's unit, to take over or decline. */
@Named
@ViewScoped
public class InboxView implements Serializable {
    @EJB
    Forwarding forwarding;

    private List<UnitReport> reports;
    private final Map<Long, String> reasons = new HashMap<>();

    @PostConstruct
    void load() {
        reports = forwarding.inbox();
    }

    public void takeOver(long reportId) {
        try {
            forwarding.answer(reportId, UnitDecision.ACCEPTED, null);
            Messages.info("unit.takenover");
        } catch (DomainException e) {
            Messages.refused(e);
        }
        load();
    }

    public void decline(long reportId) {
        try {
            forwarding.answer(reportId, UnitDecision.DECLINED, reasons.get(reportId));
            reasons.remove(reportId);
            Messages.info("unit.declined");
        } catch (DomainException e) {
            Messages.refused(e);
        }
        load();
    }

    public List<UnitReport> getReports() {
        return reports;
    }

    public Map<Long, String> getReasons() {
        return reasons;
    }
}
