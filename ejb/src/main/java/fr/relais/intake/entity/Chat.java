package fr.relais.intake.entity;

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

/** A conversation between a citizen and the platform, from request to outcome. */
@Entity
@Table(name = "chat")
@NamedQuery(
        name = Chat.BY_PLATFORM_AND_STATUS,
        query = "select c from Chat c where c.platform = :platform and c.status = :status"
                + " order by c.dangerNow desc, c.createdAt")
@NamedQuery(
        name = Chat.TAKEN_BY,
        query =
                "select c from Chat c where c.operator = :operator and c.status = fr.relais.intake.entity.Chat.Status.TAKEN"
                        + " order by c.takenAt")
public class Chat {
    public static final String BY_PLATFORM_AND_STATUS = "Chat.byPlatformAndStatus";
    public static final String TAKEN_BY = "Chat.takenBy";

    public enum Status {
        WAITING,
        TAKEN,
        CLOSED
    }

    /** How a conversation ended. */
    public enum Outcome {
        INFORMATION,
        EMERGENCY_REDIRECT,
        ABANDONED,
        /** Closed after one or more reports were made from it. */
        REPORT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Platform platform;

    @Column(nullable = false, length = 20)
    private String door;

    @Column(length = 60)
    private String topic;

    /** The citizen chose a door and topic saying someone is in danger now: served before the others. */
    @Column(name = "danger_now", nullable = false)
    private boolean dangerNow;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status = Status.WAITING;

    @Enumerated(EnumType.STRING)
    @Column(length = 30)
    private Outcome outcome;

    @Column(length = 60)
    private String operator;

    @Column(name = "reports_made", nullable = false)
    private int reportsMade;

    @Column(name = "citizen_token_hash", nullable = false, length = 64)
    private String citizenTokenHash;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "taken_at")
    private Instant takenAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    private long version;

    protected Chat() {}

    public Chat(Platform platform, String door, String topic, String citizenTokenHash, Instant now) {
        this.platform = platform;
        this.door = door;
        this.topic = topic;
        this.citizenTokenHash = citizenTokenHash;
        this.createdAt = now;
    }

    /** Someone is in danger now, by the citizen's own choice: the chat goes ahead of the queue. */
    public void markDangerNow() {
        this.dangerNow = true;
    }

    public void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public void takeBy(String operator, Instant now) {
        if (status != Status.WAITING) {
            throw DomainException.conflict("chat_already_taken", "Cette conversation est déjà prise en charge.");
        }
        this.status = Status.TAKEN;
        this.operator = operator;
        this.takenAt = now;
    }

    /** A report was made from this conversation, which goes on. */
    public void recordReport() {
        if (status != Status.TAKEN) {
            throw DomainException.conflict("chat_not_in_progress", "Cette conversation n'est pas en cours.");
        }
        reportsMade++;
    }

    public void close(Outcome outcome, Instant now) {
        if (status != Status.TAKEN) {
            throw DomainException.conflict("chat_not_in_progress", "Cette conversation n'est pas en cours.");
        }
        if (outcome == Outcome.REPORT && reportsMade == 0) {
            throw DomainException.invalid(
                    "no_report_made", "Aucun signalement n'a été établi dans cette conversation.");
        }
        this.status = Status.CLOSED;
        this.outcome = outcome;
        this.closedAt = now;
    }

    public boolean isHeldBy(String username) {
        return status == Status.TAKEN && username.equals(operator);
    }

    public Long id() {
        return id;
    }

    public Platform platform() {
        return platform;
    }

    public String door() {
        return door;
    }

    public String topic() {
        return topic;
    }

    public boolean dangerNow() {
        return dangerNow;
    }

    public Status status() {
        return status;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String operator() {
        return operator;
    }

    public int reportsMade() {
        return reportsMade;
    }

    public String citizenTokenHash() {
        return citizenTokenHash;
    }

    public String processInstanceId() {
        return processInstanceId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant takenAt() {
        return takenAt;
    }
}
