package fr.relais.forwarding.view;

import fr.relais.directory.boundary.Directory;
import fr.relais.directory.entity.Unit;
import fr.relais.forwarding.boundary.Forwarding;
import fr.relais.forwarding.boundary.ReroutingCase;
import fr.relais.shared.DomainException;
import fr.relais.shared.view.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A supervisor's list of reports no unit has taken: declined (who, when, why, the suggestion), or with
 * no unit covering the place; each row offers the units with those that declined last, marked.
 */
@Named
@ViewScoped
public class ReroutingView implements Serializable {
    @EJB
    Forwarding forwarding;

    @EJB
    Directory directory;

    private List<ReroutingCase> reports;
    private List<Unit> units;
    private final Map<Long, String> choices = new HashMap<>();

    @PostConstruct
    void load() {
        reports = forwarding.awaitingReroute();
        units = directory.units();
    }

    public void reroute(long reportId) {
        try {
            forwarding.reroute(reportId, choices.get(reportId));
            choices.remove(reportId);
            Messages.info("supervisor.rerouted");
        } catch (DomainException e) {
            Messages.refused(e);
        }
        load();
    }

    public List<ReroutingCase> getReports() {
        return reports;
    }

    public List<Unit> getUnits() {
        return units;
    }

    public Map<Long, String> getChoices() {
        return choices;
    }
}
