package fr.relais.operators.view;

import fr.relais.operators.boundary.CannedAnswers;
import fr.relais.operators.entity.CannedAnswer;
import fr.relais.shared.DomainException;
import fr.relais.shared.Platform;
import fr.relais.shared.view.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The administrator's screen of canned answers and orientation links: list, add, edit, delete. */
@Named
@ViewScoped
public class CannedAnswersView implements Serializable {
    @EJB
    CannedAnswers answers;

    private List<CannedAnswers.Entry> entries;
    private Long editing;
    private Platform platform = Platform.GENERALIST;
    private CannedAnswer.Kind kind = CannedAnswer.Kind.ANSWER;
    private String title;
    private String body;
    private String url;

    @PostConstruct
    void init() {
        load();
    }

    void load() {
        entries = answers.list(null);
    }

    public void edit(long id) {
        entries.stream().filter(e -> e.id() == id).findFirst().ifPresent(e -> {
            editing = e.id();
            platform = e.platform();
            kind = e.kind();
            title = e.title();
            body = e.body();
            url = e.url();
        });
    }

    public void save() {
        try {
            if (editing == null) {
                answers.create(platform, kind, title, body, url);
            } else {
                answers.update(editing, platform, kind, title, body, url);
            }
            Messages.info("canned.saved");
            clear();
        } catch (DomainException e) {
            Messages.refused(e);
        }
        load();
    }

    public void delete(long id) {
        try {
            answers.delete(id);
            Messages.info("canned.deleted");
            if (Long.valueOf(id).equals(editing)) {
                clear();
            }
        } catch (DomainException e) {
            Messages.refused(e);
        }
        load();
    }

    public void clear() {
        editing = null;
        kind = CannedAnswer.Kind.ANSWER;
        title = null;
        body = null;
        url = null;
    }

    public List<CannedAnswers.Entry> getEntries() {
        return entries;
    }

    public Platform[] getPlatforms() {
        return Platform.values();
    }

    public CannedAnswer.Kind[] getKinds() {
        return CannedAnswer.Kind.values();
    }

    public Long getEditing() {
        return editing;
    }

    public Platform getPlatform() {
        return platform;
    }

    public void setPlatform(Platform platform) {
        this.platform = platform;
    }

    public CannedAnswer.Kind getKind() {
        return kind;
    }

    public void setKind(CannedAnswer.Kind kind) {
        this.kind = kind;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }
}
