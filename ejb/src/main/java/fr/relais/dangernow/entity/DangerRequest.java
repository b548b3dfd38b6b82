package fr.relais.dangernow.entity;

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
 * An operator's immediate request to a unit's 24-hour desk while a conversation goes on: someone is
 * in danger now. Raised once, acknowledged once by an agent of that unit; escalated to the platform's
 * supervisors when the acknowledgement is late.
 */
@Entity
@Table(name = "danger_request")
@NamedQuery(
        name = DangerRequest.OF_CHAT,
        query = "select d from DangerRequest d where d.chatId = :chatId order by d.raisedAt, d.id")
@NamedQuery(
        name = DangerRequest.OPEN_FOR_UNIT,
        query = "select d from DangerRequest d where d.unitCode = :unitCode and d.acknowledgedAt is null"
                + " order by d.raisedAt, d.id")
@NamedQuery(
        name = DangerRequest.ACKNOWLEDGED_BY_UNIT,
        query = "select d from DangerRequest d where d.unitCode = :unitCode and d.acknowledgedAt is not null"
                + " order by d.acknowledgedAt desc, d.id desc")
public class DangerRequest {
    public static final String OF_CHAT = "DangerRequest.ofChat";
    public static final String OPEN_FOR_UNIT = "DangerRequest.openForUnit";
    public static final String ACKNOWLEDGED_BY_UNIT = "DangerRequest.acknowledgedByUnit";
    public static final int MAX_SUMMARY = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "chat_id", nullable = false)
    private Long chatId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Platform platform;

    @Column(name = "unit_code", nullable = false, length = 40)
    private String unitCode;

    @Column(name = "postal_code", nullable = false, length = 5)
    private String postalCode;

    @Column(length = 100)
    private String commune;

    @Column(nullable = false, length = MAX_SUMMARY)
    private String summary;

    @Column(name = "raised_by", nullable = false, length = 60)
    private String raisedBy;

    @Column(name = "raised_at", nullable = false)
    private Instant raisedAt;

    @Column(name = "acknowledged_by", length = 60)
    private String acknowledgedBy;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Column(name = "escalated_at")
    private Instant escalatedAt;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @Version
    private long version;

    protected DangerRequest() {}

    public DangerRequest(
            long chatId,
            Platform platform,
            String unitCode,
            String postalCode,
            String commune,
            String summary,
            String raisedBy,
            Instant now) {
        this.chatId = chatId;
        this.platform = platform;
        this.unitCode = unitCode;
        this.postalCode = postalCode;
        this.commune = commune;
        this.summary = summary;
        this.raisedBy = raisedBy;
        this.raisedAt = now;
    }

    public void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** The unit's desk has it in hand; once only. */
    public void acknowledge(String agent, Instant now) {
        if (isAcknowledged()) {
            throw DomainException.conflict("danger_already_acknowledged", "Cette demande est déjà prise en compte.");
        }
        this.acknowledgedBy = agent;
        this.acknowledgedAt = now;
    }

    /** Nobody acknowledged in time: the supervisors were alerted (the request stays open for the unit). */
    public void escalate(Instant now) {
        if (escalatedAt == null && !isAcknowledged()) {
            this.escalatedAt = now;
        }
    }

    public boolean isAcknowledged() {
        return acknowledgedAt != null;
    }

    public Long id() {
        return id;
    }

    public Long chatId() {
        return chatId;
    }

    public Platform platform() {
        return platform;
    }

    public String unitCode() {
        return unitCode;
    }

    public String postalCode() {
        return postalCode;
    }

    public String commune() {
        return commune;
    }

    public String summary() {
        return summary;
    }

    public String raisedBy() {
        return raisedBy;
    }

    public Instant raisedAt() {
        return raisedAt;
    }

    public String acknowledgedBy() {
        return acknowledgedBy;
    }

    public Instant acknowledgedAt() {
        return acknowledgedAt;
    }

    public Instant escalatedAt() {
        return escalatedAt;
    }

    public String processInstanceId() {
        return processInstanceId;
    }
}
