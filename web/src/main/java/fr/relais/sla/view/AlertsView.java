package fr.relais.sla.view;

import fr.relais.shared.DomainException;
import fr.relais.shared.view.Messages;
import fr.relais.sla.boundary.AlertView;
import fr.relais.sla.boundary.Alerts;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The platform's alerts for its supervisors ({@code /supervisor/alerts.xhtml}): the open ones, newest
 * first, to acknowledge; then the acknowledged ones with who and when. Pushed, not polled: {@link
 * AlertsPush} tells the page when an alert is raised or acknowledged, and it reads both lists again.
 */
@Named
@ViewScoped
public class AlertsView implements Serializable {
    @EJB
    Alerts alerts;

    private List<AlertView> open;
    private List<AlertView> acknowledged;

    @PostConstruct
    void load() {
        open = alerts.open();
        acknowledged = alerts.acknowledged();
    }

    public void refresh() {
        load();
    }

    public void acknowledge(long alertId) {
        try {
            alerts.acknowledge(alertId);
            Messages.info("alerts.acknowledged");
        } catch (DomainException e) {
            Messages.refused(e);
        }
        load();
    }

    public List<AlertView> getOpen() {
        return open;
    }

    public List<AlertView> getAcknowledged() {
        return acknowledged;
    }
}
