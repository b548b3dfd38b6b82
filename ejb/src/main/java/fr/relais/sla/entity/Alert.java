package fr.relais.sla.entity;

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
import java.time.Instant;

/**
 * Something a platform's supervisors must see: raised with each recorded breach of a service level, in
 * the breach's transaction; acknowledged once by a supervisor, it stays in the list with who and when.
 */
@Entity
@Table(name = "alert")
@NamedQuery(
        name = Alert.OPEN,
        query = "select a from Alert a where (a.platform in :platforms or (a.platform is null and :everything = TRUE))"
                + " and a.acknowledgedAt is null"
                + " order by a.raisedAt desc, a.id desc")
@NamedQuery(
        name = Alert.ACKNOWLEDGED,
        query = "select a from Alert a where (a.platform in :platforms or (a.platform is null and :everything = TRUE))"
                + " and a.acknowledgedAt is not null"
                + " order by a.acknowledgedAt desc, a.id desc")
public class Alert {
    public static final String OPEN = "Alert.open";
    public static final String ACKNOWLEDGED = "Alert.acknowledged";

    /** What raised the alert. */
    public enum Kind {
        /** Nobody took a chat in charge within 2 minutes. */
        TAKE_CHAT_BREACH,
        /** A unit did not acknowledge a report by its target (escalated to the supervisors). */
        ACK_MISSED,
        /** Still not acknowledged at the second deadline (escalated to the departmental level). */
        ACK_MISSED_DEPARTMENT,
        /** A unit's 24-hour desk did not acknowledge a danger-now request within 5 minutes. */
        DANGER_NOW_LATE,
        /** A verification of the audit trail found a broken chain (raised once per break). */
        AUDIT_CHAIN_BROKEN
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    /** Null for an alert of no platform (a broken audit chain of no report or chat): administrators only. */
    @Column(length = 20)
    private Platform platform;

    @Column(name = "report_id")
    private Long reportId;

    @Column(name = "chat_id")
    private Long chatId;

    @Column(name = "unit_code", length = 40)
    private String unitCode;

    @Column(name = "raised_at", nullable = false)
    private Instant raisedAt;

    /** A short French sentence (no personal data: a reference, a unit, a delay). */
    @Column(length = 300)
    private String detail;

    @Column(name = "acknowledged_by", length = 60)
    private String acknowledgedBy;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Version
    private long version;

    protected Alert() {}

    public Alert(
            Kind kind, Platform platform, Long reportId, Long chatId, String unitCode, String detail, Instant now) {
        this.kind = kind;
        this.platform = platform;
        this.reportId = reportId;
        this.chatId = chatId;
        this.unitCode = unitCode;
        this.detail = detail == null || detail.length() <= 300 ? detail : detail.substring(0, 300);
        this.raisedAt = now;
    }

    /** A supervisor has seen it; once only. */
    public void acknowledge(String by, Instant now) {
        if (acknowledgedAt != null) {
            throw DomainException.conflict("alert_already_acknowledged", "Cette alerte a déjà été acquittée.");
        }
        this.acknowledgedBy = by;
        this.acknowledgedAt = now;
    }

    public Long id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public Platform platform() {
        return platform;
    }

    public Long reportId() {
        return reportId;
    }

    public Long chatId() {
        return chatId;
    }

    public String unitCode() {
        return unitCode;
    }

    public Instant raisedAt() {
        return raisedAt;
    }

    public String detail() {
        return detail;
    }

    public String acknowledgedBy() {
        return acknowledgedBy;
    }

    public Instant acknowledgedAt() {
        return acknowledgedAt;
    }
}
