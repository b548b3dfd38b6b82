package fr.relais.forwarding.view;

import fr.relais.forwarding.boundary.Forwarding;
import fr.relais.qualification.entity.Report;
import fr.relais.shared.DomainException;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** A unit agent's inbox: reports forwarded to the agent's unit, to take over. */
@Named
@ViewScoped
public class InboxView implements Serializable {
    @EJB
    Forwarding forwarding;

    private List<Report> reports;

    @PostConstruct
    void load() {
        reports = forwarding.inbox();
    }

    public void takeOver(long reportId) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            forwarding.takeOver(reportId);
            String text = faces.getApplication().getResourceBundle(faces, "msg").getString("unit.takenover");
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
        } catch (DomainException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, e.getMessage(), null));
        }
        load();
    }

    public List<Report> getReports() {
        return reports;
    }
}
