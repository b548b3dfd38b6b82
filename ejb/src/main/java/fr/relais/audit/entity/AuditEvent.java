package fr.relais.audit.entity;

import fr.relais.audit.control.CanonicalForm;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One link of an audit chain; written once, never changed (verification tells if it was). */
@Entity
@Table(name = "audit_event")
@NamedQuery(
        name = AuditEvent.OF_CHAIN_UP_TO,
        query = "select e from AuditEvent e where e.chainKey = :chain and e.seq <= :seq order by e.seq")
@NamedQuery(
        name = AuditEvent.OF_REPORT,
        query = "select e from AuditEvent e where e.reportId = :report order by e.at, e.id")
@NamedQuery(name = AuditEvent.OF_CHAT, query = "select e from AuditEvent e where e.chatId = :chat order by e.at, e.id")
public class AuditEvent {
    public static final String OF_CHAT = "AuditEvent.ofChat";
    public static final String OF_CHAIN_UP_TO = "AuditEvent.ofChainUpTo";
    public static final String OF_REPORT = "AuditEvent.ofReport";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "chain_key", nullable = false, length = 80)
    private String chainKey;

    @Column(nullable = false)
    private long seq;

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false, length = 60)
    private String actor;

    @Column(name = "actor_role", nullable = false, length = 20)
    private String actorRole;

    @Column(nullable = false, length = 40)
    private String kind;

    @Column(name = "report_id")
    private Long reportId;

    @Column(name = "chat_id")
    private Long chatId;

    /** Canonical JSON (see {@link CanonicalForm#fields}). */
    @Column(nullable = false)
    private String fields;

    @Column(nullable = false)
    private short form;

    @Column(name = "prev_hash", nullable = false, length = 64)
    private String prevHash;

    @Column(nullable = false, length = 64)
    private String hash;

    protected AuditEvent() {}

    public AuditEvent(CanonicalForm.Event e) {
        this.chainKey = e.chain();
        this.seq = e.seq();
        this.at = CanonicalForm.stored(e.at());
        this.actor = e.actor();
        this.actorRole = e.actorRole();
        this.kind = e.kind();
        this.reportId = e.reportId();
        this.chatId = e.chatId();
        this.fields = e.fields();
        this.form = (short) CanonicalForm.VERSION;
        this.prevHash = e.prev();
        this.hash = CanonicalForm.hash(e);
    }

    /** The event as it is stored now, to hash again. */
    public CanonicalForm.Event content() {
        return new CanonicalForm.Event(chainKey, seq, at, actor, actorRole, kind, reportId, chatId, fields, prevHash);
    }

    public Long id() {
        return id;
    }

    public String chainKey() {
        return chainKey;
    }

    public long seq() {
        return seq;
    }

    public Instant at() {
        return at;
    }

    public String actor() {
        return actor;
    }

    public String actorRole() {
        return actorRole;
    }

    public String kind() {
        return kind;
    }

    public Long reportId() {
        return reportId;
    }

    public Long chatId() {
        return chatId;
    }

    public String fields() {
        return fields;
    }

    public int form() {
        return form;
    }

    public String prevHash() {
        return prevHash;
    }

    public String hash() {
        return hash;
    }
}
