package fr.relais.incidents.view;

import fr.relais.incidents.boundary.Incidents;
import fr.relais.shared.DomainException;
import fr.relais.shared.view.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The administrator's screen of every engine incident: what failed, where, for which report; retry with a note. */
@Named
@ViewScoped
public class IncidentsView implements Serializable {
    @EJB
    Incidents incidents;

    private List<Incidents.OpenIncident> open;
    private List<Incidents.Retry> retries;
    private String note;

    @PostConstruct
    void init() {
        load();
    }

    public void load() {
        open = incidents.open();
        retries = incidents.retries(50);
    }

    public void retry(String incidentId) {
        try {
            incidents.retry(incidentId, note);
            Messages.info("incidents.retried");
            note = null;
        } catch (DomainException e) {
            Messages.refused(e);
        }
        load();
    }

    public List<Incidents.OpenIncident> getOpen() {
        return open;
    }

    public List<Incidents.Retry> getRetries() {
        return retries;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
