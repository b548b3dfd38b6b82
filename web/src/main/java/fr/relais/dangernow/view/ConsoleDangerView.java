package fr.relais.dangernow.view;

import fr.relais.dangernow.boundary.DangerNow;
import fr.relais.dangernow.boundary.StaffDangerRequest;
import fr.relais.intake.view.QueueView;
import fr.relais.shared.DomainException;
import fr.relais.shared.view.Messages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The danger-now part of the operator's console, for the conversation selected there: raise a request
 * to the 24-hour desk covering the place given, and see its acknowledgement (reloaded with the
 * conversation when the console is pushed).
 */
@Named
@RequestScoped
public class ConsoleDangerView {
    @EJB
    DangerNow dangerNow;

    @Inject
    QueueView console;

    private String postalCode;
    private String commune;
    private String summary;
    private List<StaffDangerRequest> requests;

    public void raise() {
        Long chat = console.getSelectedChat();
        if (chat == null) {
            return;
        }
        try {
            dangerNow.raise(chat, postalCode, commune, summary);
            postalCode = null;
            commune = null;
            summary = null;
            Messages.info("danger.raised");
        } catch (DomainException e) {
            Messages.refused(e);
        }
        requests = null;
        console.refresh();
    }

    /** The selected conversation's requests, read once per request. */
    public List<StaffDangerRequest> getRequests() {
        if (requests == null) {
            Long chat = console.getSelectedChat();
            requests = chat == null ? List.of() : dangerNow.ofChat(chat);
        }
        return requests;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public void setPostalCode(String postalCode) {
        this.postalCode = postalCode;
    }

    public String getCommune() {
        return commune;
    }

    public void setCommune(String commune) {
        this.commune = commune;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }
}
