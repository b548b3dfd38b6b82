package fr.relais.dangernow.view;

import fr.relais.dangernow.boundary.DangerNow;
import fr.relais.dangernow.boundary.UnitDangerRequest;
import fr.relais.directory.boundary.Directory;
import fr.relais.shared.DomainException;
import fr.relais.shared.view.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The danger-now requests on top of a unit agent's inbox, pushed live, with their acknowledgement. */
@Named
@ViewScoped
public class DeskView implements Serializable {
    @EJB
    DangerNow dangerNow;

    @EJB
    Directory directory;

    private String unitCode;
    private List<UnitDangerRequest> requests;

    @PostConstruct
    void init() {
        unitCode = directory.currentCaller().unitCode();
        load();
    }

    /** Reloads the requests, when a push says they changed. */
    public void refresh() {
        load();
    }

    private void load() {
        requests = dangerNow.forUnit();
    }

    public void acknowledge(long requestId) {
        try {
            dangerNow.acknowledge(requestId);
            Messages.info("danger.desk.acknowledged");
        } catch (DomainException e) {
            Messages.refused(e);
        }
        load();
    }

    /** The "user" of the desk's push channel: the caller's unit. */
    public String getUnitCode() {
        return unitCode;
    }

    public List<UnitDangerRequest> getRequests() {
        return requests;
    }
}
