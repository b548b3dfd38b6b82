package fr.relais.audit.view;

import fr.relais.audit.api.HistoryPdf;
import fr.relais.audit.boundary.AuditChains;
import fr.relais.audit.boundary.AuditTrail;
import fr.relais.audit.boundary.Audits;
import fr.relais.audit.boundary.HistoryExport;
import fr.relais.audit.boundary.ReportDiagram;
import fr.relais.audit.boundary.ReportHistory;
import fr.relais.audit.boundary.Verification;
import fr.relais.qualification.api.ReportResource;
import fr.relais.shared.DomainException;
import fr.relais.shared.view.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * One report's history for the auditor ({@code /auditor/report.xhtml?id=}): its process runs and the
 * diagram of the exact version each of them ran (drawn by {@code auditor-diagram.js}), the merged
 * timeline, the verification of its chain, and the JSON and PDF exports.
 */
@Named
@ViewScoped
public class AuditorReportView implements Serializable {
    private static final Logger LOG = Logger.getLogger(AuditorReportView.class.getName());

    @EJB
    Audits audits;

    @EJB
    AuditChains chains;

    private Long id;
    /**
     * Not kept with the session (its items' details are JSON objects, not Serializable): on another
     * instance after a failover it is read again, which records one more read in the auditor's chain.
     */
    private transient ReportHistory history;
    /** Whether the view action found the report (then a missing history is read again). */
    private boolean loaded;

    private List<Diagram> diagrams = List.of();

    /** One element of the diagram passed: how many times, first when, time spent in all (running now?). */
    public record Step(String id, String name, int passes, Instant first, long totalMs, boolean running)
            implements Serializable {}

    /**
     * One process instance the report ran, as the page draws it: the data for the script (BPMN XML,
     * passes, flows taken) as JSON, and the time spent at each step passed (the table beside it).
     */
    public record Diagram(ReportDiagram.Process process, String json, List<Step> steps) implements Serializable {}

    private Verification verification;

    /**
     * The view action: loads the history and the diagrams of every process the report ran, in one call
     * (one read recorded in the auditor's chain), or answers 404.
     */
    public void load() throws IOException {
        if (id == null) {
            notFound();
            return;
        }
        Audits.HistoryPage page;
        try {
            page = audits.historyPage(id, Messages.text("history.personal.erased"));
        } catch (DomainException e) {
            notFound();
            return;
        }
        history = page.history();
        loaded = true;
        List<Diagram> drawn = new ArrayList<>();
        for (ReportDiagram.Process p : page.diagram().processes()) {
            try {
                drawn.add(new Diagram(p, json(p), steps(p)));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "diagram of " + p.processInstanceId() + " (report " + id + ") not available", e);
            }
        }
        diagrams = drawn;
    }

    private static String json(Object value) {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            return jsonb.toJson(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The whole history as a JSON file (an export, recorded). */
    public StreamedContent getJsonExport() {
        HistoryExport export = audits.export(id, "json");
        byte[] bytes = json(export).getBytes(StandardCharsets.UTF_8);
        return DefaultStreamedContent.builder()
                .name(ReportResource.fileName(export, "json"))
                .contentType("application/json; charset=UTF-8")
                .stream(() -> new ByteArrayInputStream(bytes))
                .build();
    }

    /** The whole history as a PDF file (an export, recorded). */
    public StreamedContent getPdfExport() {
        HistoryExport export = audits.export(id, "pdf");
        byte[] bytes = HistoryPdf.of(export);
        return DefaultStreamedContent.builder()
                .name(ReportResource.fileName(export, "pdf"))
                .contentType("application/pdf")
                .stream(() -> new ByteArrayInputStream(bytes))
                .build();
    }

    /**
     * The diagrams, the lifecycle first. Each one's data goes to the page's script as JSON in a data
     * attribute: escaped like any attribute, read by the script with JSON.parse, never run.
     */
    public List<Diagram> getDiagrams() {
        return diagrams;
    }

    /** The time spent at each step passed, in the order first reached (the list beside the diagram). */
    static List<Step> steps(ReportDiagram.Process diagram) {
        Map<String, List<ReportDiagram.Activity>> byId = new LinkedHashMap<>();
        for (ReportDiagram.Activity a : diagram.activities()) {
            byId.computeIfAbsent(a.id(), k -> new ArrayList<>()).add(a);
        }
        List<Step> steps = new ArrayList<>();
        byId.forEach((elementId, passes) -> steps.add(new Step(
                elementId,
                passes.stream()
                        .map(ReportDiagram.Activity::name)
                        .filter(n -> n != null)
                        .findFirst()
                        .orElse(elementId),
                passes.size(),
                passes.get(0).startedAt(),
                passes.stream()
                        .mapToLong(a -> a.durationMs() == null ? 0 : a.durationMs())
                        .sum(),
                passes.stream().anyMatch(a -> a.endedAt() == null))));
        return steps;
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
        if (history == null && loaded) {
            try {
                history = audits.historyPage(id, Messages.text("history.personal.erased"))
                        .history();
            } catch (DomainException e) {
                loaded = false;
            }
        }
        return history;
    }

    public Verification getVerification() {
        return verification;
    }
}
