package fr.relais.forwarding.view;

import fr.relais.forwarding.boundary.Deliveries;
import fr.relais.forwarding.boundary.DeliveryStatus;
import fr.relais.shared.DomainException;
import fr.relais.shared.view.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The administrator's screen of failed deliveries to units' systems: what failed, why, and retry. */
@Named
@ViewScoped
public class DeliveriesView implements Serializable {
    @EJB
    Deliveries deliveries;

    private List<DeliveryStatus> failed;

    @PostConstruct
    void init() {
        load();
    }

    public void load() {
        failed = deliveries.failed();
    }

    public void retry(long id) {
        try {
            deliveries.retry(id);
            Messages.info("deliveries.retried");
        } catch (DomainException e) {
            Messages.refused(e);
        }
        load();
    }

    public List<DeliveryStatus> getFailed() {
        return failed;
    }
}
