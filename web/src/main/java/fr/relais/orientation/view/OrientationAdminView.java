package fr.relais.orientation.view;

import fr.relais.orientation.boundary.InvalidOrientation;
import fr.relais.orientation.boundary.Orientations;
import fr.relais.shared.DomainException;
import fr.relais.shared.Jsonp;
import fr.relais.shared.view.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.Serializable;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.primefaces.model.file.UploadedFile;

/**
 * The administrator's orientation screen: a tree pasted or uploaded is checked (nothing written),
 * its problems listed, then published with one click; the tree in use and the published versions
 * with who and when.
 */
@Named
@ViewScoped
public class OrientationAdminView implements Serializable {
    private static final int HISTORY = 20;
    private static final int MAX_UPLOAD = 256 * 1024;

    @EJB
    Orientations orientations;

    private transient UploadedFile file;
    private String json;
    private List<String> problems = List.of();
    private boolean checkedValid;
    private Current current;
    private List<Orientations.VersionSummary> history;

    /** The tree in use, as the screen shows it. */
    public record Current(
            String version, int leaves, boolean fromFile, String publishedBy, java.time.Instant publishedAt)
            implements Serializable {}

    @PostConstruct
    void init() {
        refresh();
    }

    private void refresh() {
        Orientations.Published published = orientations.current();
        current = new Current(
                published.tree().version(),
                published.tree().leafCount(),
                published.fromFile(),
                published.publishedBy(),
                published.publishedAt());
        history = orientations.history(HISTORY);
    }

    /** Puts the tree in use in the text area, to start from it. */
    public void loadCurrent() {
        StringWriter out = new StringWriter();
        JsonWriterFactory writers = Jsonp.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
        writers.createWriter(out).write(orientations.current().tree().toJson());
        json = out.toString().strip();
        problems = List.of();
        checkedValid = false;
    }

    /** Puts the uploaded file in the text area and checks it. */
    public void upload() {
        if (file == null || file.getSize() == 0 || file.getContent() == null) {
            Messages.warn("portal.admin.noFile");
            return;
        }
        if (file.getSize() > MAX_UPLOAD) {
            Messages.warn("portal.admin.tooLarge");
            return;
        }
        json = new String(file.getContent(), StandardCharsets.UTF_8);
        check();
    }

    /** Checks the text without publishing anything. */
    public void check() {
        problems = orientations.check(json);
        checkedValid = problems.isEmpty();
        if (checkedValid) {
            Messages.info("portal.admin.valid");
        } else {
            Messages.warn("portal.admin.invalid");
        }
    }

    /** Publishes the text: served at once, or refused whole with its problems. */
    public void apply() {
        try {
            orientations.publish(json);
            problems = List.of();
            checkedValid = false;
            Messages.info("portal.admin.published");
            refresh();
        } catch (InvalidOrientation e) {
            problems = e.problems();
            checkedValid = false;
            Messages.warn("portal.admin.invalid");
        } catch (DomainException e) {
            Messages.refused(e);
        }
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }

    public String getJson() {
        return json;
    }

    public void setJson(String json) {
        if (json == null || !json.equals(this.json)) {
            checkedValid = false;
        }
        this.json = json;
    }

    public List<String> getProblems() {
        return problems;
    }

    public boolean isCheckedValid() {
        return checkedValid;
    }

    public Current getCurrent() {
        return current;
    }

    public List<Orientations.VersionSummary> getHistory() {
        return history;
    }
}
