package fr.relais.operators.entity;

import fr.relais.shared.DomainException;
import fr.relais.shared.Platform;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;

/**
 * A ready-made answer or an orientation link of one platform, inserted by an operator in one
 * click: an answer inserts its text, a link its text followed by its address.
 */
@Entity
@Table(name = "canned_answer")
@NamedQuery(
        name = CannedAnswer.OF_PLATFORM,
        query = "select a from CannedAnswer a where a.platform = :platform order by a.kind, a.title, a.id")
@NamedQuery(name = CannedAnswer.ALL, query = "select a from CannedAnswer a order by a.platform, a.kind, a.title, a.id")
public class CannedAnswer {
    public static final String OF_PLATFORM = "CannedAnswer.ofPlatform";
    public static final String ALL = "CannedAnswer.all";
    public static final int MAX_TITLE = 80;
    public static final int MAX_BODY = 1000;
    public static final int MAX_URL = 500;

    public enum Kind {
        ANSWER,
        LINK
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Platform platform;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Kind kind;

    @Column(nullable = false, length = MAX_TITLE)
    private String title;

    @Column(nullable = false, length = MAX_BODY)
    private String body;

    @Column(length = MAX_URL)
    private String url;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected CannedAnswer() {}

    public CannedAnswer(Platform platform, Kind kind, String title, String body, String url, Instant now) {
        change(platform, kind, title, body, url, now);
    }

    /** Replaces every field, checked first: nothing changes when one is refused. */
    public final void change(Platform platform, Kind kind, String title, String body, String url, Instant now) {
        if (platform == null) {
            throw DomainException.invalid("invalid_platform", "Plateforme manquante ou inconnue.");
        }
        if (kind == null) {
            throw DomainException.invalid("invalid_kind", "Type manquant ou inconnu : ANSWER ou LINK.");
        }
        String checkedTitle = required(title, MAX_TITLE, "invalid_title", "Titre vide ou trop long (80 caractères).");
        String checkedBody =
                required(body, MAX_BODY, "invalid_body_text", "Texte vide ou trop long (1000 caractères).");
        String checkedUrl = kind == Kind.LINK ? link(url) : null;
        if (kind == Kind.ANSWER && url != null && !url.isBlank()) {
            throw DomainException.invalid("invalid_url", "Une réponse type n'a pas d'adresse : choisissez LINK.");
        }
        this.platform = platform;
        this.kind = kind;
        this.title = checkedTitle;
        this.body = checkedBody;
        this.url = checkedUrl;
        this.updatedAt = now;
    }

    private static String required(String value, int max, String code, String message) {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            throw DomainException.invalid(code, message);
        }
        return value.strip();
    }

    /** An absolute https address (or http), no spaces: it is shown to citizens as a link. */
    private static String link(String url) {
        String invalid = "Adresse manquante ou invalide : une adresse https:// complète (500 caractères au plus).";
        if (url == null || url.isBlank() || url.strip().length() > MAX_URL) {
            throw DomainException.invalid("invalid_url", invalid);
        }
        String value = url.strip();
        try {
            URI uri = new URI(value);
            if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                throw DomainException.invalid("invalid_url", invalid);
            }
        } catch (URISyntaxException e) {
            throw DomainException.invalid("invalid_url", invalid);
        }
        return value;
    }

    /** What one click inserts in the operator's message box. */
    public String insertedText() {
        return kind == Kind.LINK ? body + " " + url : body;
    }

    public Long id() {
        return id;
    }

    public Platform platform() {
        return platform;
    }

    public Kind kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public String body() {
        return body;
    }

    public String url() {
        return url;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
