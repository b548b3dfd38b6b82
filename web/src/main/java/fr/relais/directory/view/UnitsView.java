package fr.relais.directory.view;

import fr.relais.directory.api.ImportTexts;
import fr.relais.directory.boundary.UnitImports;
import fr.relais.directory.control.UnitChange;
import fr.relais.shared.DomainException;
import fr.relais.shared.view.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import org.primefaces.model.file.UploadedFile;

/**
 * The administrator's directory screen: a CSV file is checked first (a dry run: nothing written),
 * its bad lines or its changes shown, then imported with one click; the record of imports below;
 * the directory exported in the same format.
 */
@Named
@ViewScoped
public class UnitsView implements Serializable {
    private static final int HISTORY = 20;

    @EJB
    UnitImports imports;

    private transient UploadedFile file;
    private String fileName;
    private byte[] content;
    private UnitImports.Outcome outcome;
    private List<UnitImports.ImportRecord> history;

    /** A refused line as the screen shows it. */
    public record BadLine(int line, String reason) implements Serializable {}

    @PostConstruct
    void init() {
        loadHistory();
    }

    public void loadHistory() {
        history = imports.history(HISTORY);
    }

    /** Checks the uploaded file without writing anything: its bad lines, or what it would change. */
    public void check() {
        outcome = null;
        content = null;
        if (file == null || file.getSize() == 0 || file.getContent() == null) {
            Messages.warn("unitImport.noFile");
            return;
        }
        fileName = file.getFileName();
        byte[] bytes = file.getContent();
        try {
            outcome = imports.importFile(fileName, bytes, true);
        } catch (DomainException e) {
            Messages.refused(e);
            return;
        }
        if (outcome.problems().isEmpty()) {
            content = bytes;
            Messages.info("unitImport.checked");
        }
    }

    /** Imports the checked file: all of it, or nothing if a line has become bad meanwhile. */
    public void apply() {
        if (content == null) {
            Messages.warn("unitImport.noFile");
            return;
        }
        try {
            outcome = imports.importFile(fileName, content, false);
        } catch (DomainException e) {
            Messages.refused(e);
            return;
        }
        content = null;
        if (outcome.problems().isEmpty()) {
            Messages.info("unitImport.applied");
        }
        loadHistory();
    }

    /** The whole directory as a CSV download. */
    public StreamedContent getExport() {
        return DefaultStreamedContent.builder()
                .name("repertoire-unites.csv")
                .contentType("text/csv; charset=UTF-8")
                .stream(() -> new ByteArrayInputStream(imports.export().getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    public List<BadLine> getBadLines() {
        return outcome == null
                ? List.of()
                : outcome.problems().stream()
                        .map(p -> new BadLine(p.line(), ImportTexts.reason(p)))
                        .toList();
    }

    /** The fields a change makes, "name : before → after", for the table. */
    public String fields(UnitChange change) {
        return change.fields().stream()
                .map(f -> f.field() + " : " + (f.before() == null ? "∅" : f.before()) + " → "
                        + (f.after() == null ? "∅" : f.after()))
                .collect(Collectors.joining(" ; "));
    }

    /** INSEE codes, comma-separated. */
    public String communes(List<String> insee) {
        return String.join(", ", insee);
    }

    public String codes(UnitImports.ImportRecord record) {
        return record.changes().stream().map(UnitChange::code).collect(Collectors.joining(", "));
    }

    public boolean isCheckedValid() {
        return content != null
                && outcome != null
                && outcome.dryRun()
                && outcome.problems().isEmpty();
    }

    public boolean isInvalid() {
        return outcome != null && !outcome.problems().isEmpty();
    }

    public boolean isValidOutcome() {
        return outcome != null && outcome.problems().isEmpty();
    }

    public UnitImports.Outcome getOutcome() {
        return outcome;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }

    public String getFileName() {
        return fileName;
    }

    public List<UnitImports.ImportRecord> getHistory() {
        return history;
    }
}
