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
import java.io.Serializable;
import java.time.Instant;

/** A conversation between a citizen and the platform, from request to outcome. */
@Entity
@Table(name = "chat")
@NamedQuery(
        name = Chat.BY_PLATFORM_AND_STATUS,
        query = "select c from Chat c where c.platform = :platform and c.status = :status"
                + " order by c.dangerNow desc, c.queuedAt")
@NamedQuery(
        name = Chat.TAKEN_BY,
        query =
                "select c from Chat c where c.operator = :operator and c.status = fr.relais.intake.entity.Chat.Status.TAKEN"
                        + " order by c.takenAt")
public class Chat implements Serializable {
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
        REPORT,
        /** Not a real request: closed as spam, by a supervisor while waiting or by the operator holding it. */
        SPAM
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

    /** Characters the citizen wrote in this chat so far, for the cap on a chat's total size. */
    @Column(name = "citizen_characters", nullable = false)
    private int citizenCharacters;

    @Column(name = "citizen_token_hash", nullable = false, length = 64)
    private String citizenTokenHash;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** When the chat last entered its platform's queue: opened, or transferred back to a queue. */
    @Column(name = "queued_at", nullable = false)
    private Instant queuedAt;

    @Column(name = "taken_at")
    private Instant takenAt;

    /** When its current holder received it (taken in charge or transferred to them). */
    @Column(name = "held_since")
    private Instant heldSince;

    @Column(name = "closed_at")
    private Instant closedAt;

    /** When its citizen's messages were sealed under the conversation's data key. */
    @Column(name = "sealed_at")
    private Instant sealedAt;

    /** When retention erased its messages' texts. */
    @Column(name = "erased_at")
    private Instant erasedAt;

    @Version
    private long version;

    protected Chat() {}

    public Chat(Platform platform, String door, String topic, String citizenTokenHash, Instant now) {
        this.platform = platform;
        this.door = door;
        this.topic = topic;
        this.citizenTokenHash = citizenTokenHash;
        this.createdAt = now;
        this.queuedAt = now;
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
        this.heldSince = now;
    }

    /** The holder hands the conversation to another person, who holds it from now on. */
    public void transferTo(String person, Instant now) {
        requireInProgress();
        this.operator = person;
        this.heldSince = now;
    }

    /** The holder puts the conversation back in the queue of {@code target} (this platform or the other). */
    public void requeue(Platform target, Instant now) {
        requireInProgress();
        this.platform = target;
        this.status = Status.WAITING;
        this.operator = null;
        this.heldSince = null;
        this.queuedAt = now;
    }

    /** A report was made from this conversation, which goes on. */
    public void recordReport() {
        if (status != Status.TAKEN) {
            throw DomainException.conflict("chat_not_in_progress", "Cette conversation n'est pas en cours.");
        }
        reportsMade++;
    }

    private void requireInProgress() {
        if (status != Status.TAKEN) {
            throw DomainException.conflict("chat_not_in_progress", "Cette conversation n'est pas en cours.");
        }
    }

    public void close(Outcome outcome, Instant now) {
        requireInProgress();
        if (outcome == Outcome.REPORT && reportsMade == 0) {
            throw DomainException.invalid(
                    "no_report_made", "Aucun signalement n'a été établi dans cette conversation.");
        }
        this.status = Status.CLOSED;
        this.outcome = outcome;
        this.closedAt = now;
    }

    /** A waiting chat a supervisor judged to be spam: closed before anyone took it. */
    public void closeAsSpam(Instant now) {
        if (status != Status.WAITING) {
            throw DomainException.conflict("chat_not_waiting", "Cette conversation n'est plus en attente.");
        }
        this.status = Status.CLOSED;
        this.outcome = Outcome.SPAM;
        this.closedAt = now;
    }

    /**
     * Counts a citizen's message against the chat's total size.
     *
     * @throws DomainException CONFLICT {@code chat_too_large} when it would pass {@code maxCharacters}
     */
    public void addCitizenText(int characters, int maxCharacters) {
        if (maxCharacters > 0 && (long) citizenCharacters + characters > maxCharacters) {
            throw DomainException.conflict(
                    "chat_too_large",
                    "Cette conversation a atteint sa taille maximale : ouvrez-en une nouvelle pour continuer.");
        }
        citizenCharacters += characters;
    }

    public int citizenCharacters() {
        return citizenCharacters;
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

    public Instant queuedAt() {
        return queuedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public boolean sealed() {
        return sealedAt != null;
    }

    public Instant erasedAt() {
        return erasedAt;
    }

    /** Its citizen's messages were sealed (see {@link ChatMessage#seal}). */
    public void markSealed(Instant now) {
        if (sealedAt == null) {
            this.sealedAt = now;
        }
    }

    /** Retention erased its messages' texts. */
    public void markErased(Instant now) {
        if (erasedAt == null) {
            this.erasedAt = now;
        }
    }

    public Instant heldSince() {
        return heldSince;
    }
}
