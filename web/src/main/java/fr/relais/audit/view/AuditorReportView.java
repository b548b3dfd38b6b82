package fr.relais.audit.view;

import fr.relais.audit.boundary.AuditChains;
import fr.relais.audit.boundary.AuditTrail;
import fr.relais.audit.boundary.Audits;
import fr.relais.audit.boundary.ReportHistory;
import fr.relais.audit.boundary.Verification;
import fr.relais.shared.DomainException;
import fr.relais.shared.view.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Serializable;
import java.util.stream.Collectors;

/**
 * One report's history for the auditor ({@code /auditor/report.xhtml?id=}): its process runs (room for
 * the diagram of the exact version it ran, a later issue's), the merged timeline, and the verification
 * of its chain.
 */
@Named
@ViewScoped
public class AuditorReportView implements Serializable {
    @EJB
    Audits audits;

    @EJB
    AuditChains chains;

    private Long id;
    private ReportHistory history;
    private Verification verification;

    /** The view action: loads the history (a read recorded in the auditor's chain), or answers 404. */
    public void load() throws IOException {
        if (id == null) {
            notFound();
            return;
        }
        try {
            history = audits.history(id, Messages.text("history.personal.erased"));
        } catch (DomainException e) {
            notFound();
        }
    }

    private static void notFound() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().responseSendError(404, Messages.text("auditor.report.notFound"));
        faces.responseComplete();
    }

    /** Walks the report's chain and shows whether it holds. */
    public void verify() {
        try {
            verification = chains.verify(id);
        } catch (DomainException e) {
            Messages.refused(e);
        }
    }

    /** An item's details as one line of text ({@code key: value}), escaped by the page like any text. */
    public String details(JsonObject details) {
        if (details == null || details.isEmpty()) {
            return "";
        }
        return details.entrySet().stream()
                .map(e -> e.getKey() + " : "
                        + (AuditTrail.PERSONAL.equals(e.getKey()) ? personal(e.getValue()) : text(e.getValue())))
                .collect(Collectors.joining(" · "));
    }

    /** An event's personal fields: opened (the reader's read is recorded), or why they cannot be. */
    private static String personal(JsonValue value) {
        if (!(value instanceof JsonObject p)) {
            return text(value);
        }
        if (p.containsKey("withheld")) {
            return Messages.text("history.personal.withheld");
        }
        String state = p.containsKey("state") ? p.getString("state") : "unavailable";
        if ("open".equals(state) && p.get("values") instanceof JsonObject values) {
            return Messages.text("history.personal.open") + " — "
                    + values.entrySet().stream()
                            .map(e -> e.getKey() + " : " + text(e.getValue()))
                            .collect(Collectors.joining(" · "));
        }
        return Messages.text("erased".equals(state) ? "history.personal.erased" : "history.personal.unavailable");
    }

    private static String text(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : String.valueOf(value);
    }

    /** A duration in milliseconds as the screen shows it: seconds, minutes or hours. */
    public String duration(Long millis) {
        if (millis == null) {
            return "";
        }
        long seconds = millis / 1000;
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + (seconds % 3600) / 60 + " min";
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public ReportHistory getHistory() {
        return history;
    }

    public Verification getVerification() {
        return verification;
    }
}
