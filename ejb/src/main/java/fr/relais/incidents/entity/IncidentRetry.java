package fr.relais.incidents.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** An administrator's retry of an engine incident: what had failed, and who retried it, when and why. */
@Entity
@Table(name = "incident_retry")
@NamedQuery(name = IncidentRetry.LATEST, query = "select r from IncidentRetry r order by r.retriedAt desc, r.id desc")
public class IncidentRetry {
    public static final String LATEST = "IncidentRetry.latest";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "incident_id", nullable = false, length = 64)
    private String incidentId;

    @Column(name = "process_key")
    private String processKey;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @Column(name = "activity_id")
    private String activityId;

    @Column(name = "report_id")
    private Long reportId;

    @Column(name = "chat_id")
    private Long chatId;

    @Column(length = 1000)
    private String failure;

    @Column(length = 1000)
    private String note;

    @Column(name = "retried_by", nullable = false, length = 60)
    private String retriedBy;

    @Column(name = "retried_at", nullable = false)
    private Instant retriedAt;

    protected IncidentRetry() {}

    public IncidentRetry(
            String incidentId,
            String processKey,
            String processInstanceId,
            String activityId,
            Long reportId,
            Long chatId,
            String failure,
            String note,
            String retriedBy,
            Instant retriedAt) {
        this.incidentId = incidentId;
        this.processKey = processKey;
        this.processInstanceId = processInstanceId;
        this.activityId = activityId;
        this.reportId = reportId;
        this.chatId = chatId;
        this.failure = failure == null || failure.length() <= 1000 ? failure : failure.substring(0, 1000);
        this.note = note;
        this.retriedBy = retriedBy;
        this.retriedAt = retriedAt;
    }

    public Long id() {
        return id;
    }

    public String incidentId() {
        return incidentId;
    }

    public String processKey() {
        return processKey;
    }

    public String activityId() {
        return activityId;
    }

    public Long reportId() {
        return reportId;
    }

    public Long chatId() {
        return chatId;
    }

    public String failure() {
        return failure;
    }

    public String note() {
        return note;
    }

    public String retriedBy() {
        return retriedBy;
    }

    public Instant retriedAt() {
        return retriedAt;
    }
}
