package fr.relais.forwarding.entity;

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
import java.util.UUID;

/**
 * The delivery of one handoff to the unit's own system: its idempotency key (drawn once, so every
 * attempt carries the same), the attempts made and their last outcome, when it was delivered. Whether
 * it failed for good is the engine's: an incident on its {@code Delivery} process.
 */
@Entity
@Table(name = "delivery")
@NamedQuery(name = Delivery.OF_REPORT, query = "select d from Delivery d where d.reportId = :reportId order by d.id")
@NamedQuery(
        name = Delivery.OF_PROCESSES,
        query = "select d from Delivery d where d.processInstanceId in :processInstanceIds order by d.id")
public class Delivery {
    public static final String OF_REPORT = "Delivery.ofReport";
    public static final String OF_PROCESSES = "Delivery.ofProcesses";

    public enum State {
        /** Not delivered yet: the next attempt is due, or it failed for good (an incident). */
        PENDING,
        /** The unit's system answered 2xx. */
        DELIVERED,
        /** Not delivered and not to be: the unit declined the report meanwhile, or its endpoint was removed. */
        WITHDRAWN
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "handoff_id", nullable = false)
    private Long handoffId;

    @Column(name = "report_id", nullable = false)
    private Long reportId;

    @Column(name = "unit_code", nullable = false, length = 40)
    private String unitCode;

    @Column(name = "idempotency_key", nullable = false, length = 64)
    private String idempotencyKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private State state;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    /** {@code HTTP_503}, {@code TIMEOUT}, {@code UNREACHABLE}, ... */
    @Column(name = "last_outcome", length = 40)
    private String lastOutcome;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @Version
    private long version;

    protected Delivery() {}

    public Delivery(long handoffId, long reportId, String unitCode, Instant now) {
        this.handoffId = handoffId;
        this.reportId = reportId;
        this.unitCode = unitCode;
        this.idempotencyKey = UUID.randomUUID().toString();
        this.state = State.PENDING;
        this.createdAt = now;
    }

    public void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** One call to the unit's system and what came of it; a 2xx ({@code delivered}) ends the delivery. */
    public void attempted(String outcome, boolean delivered, Instant now) {
        attempts++;
        lastAttemptAt = now;
        lastOutcome = outcome;
        if (delivered && state == State.PENDING) {
            state = State.DELIVERED;
            deliveredAt = now;
        }
    }

    public void withdraw(String why) {
        if (state == State.PENDING) {
            state = State.WITHDRAWN;
            lastOutcome = why;
        }
    }

    public boolean pending() {
        return state == State.PENDING;
    }

    public Long id() {
        return id;
    }

    public Long handoffId() {
        return handoffId;
    }

    public Long reportId() {
        return reportId;
    }

    public String unitCode() {
        return unitCode;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public State state() {
        return state;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public int attempts() {
        return attempts;
    }

    public Instant lastAttemptAt() {
        return lastAttemptAt;
    }

    public String lastOutcome() {
        return lastOutcome;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }

    public String processInstanceId() {
        return processInstanceId;
    }
}
