package fr.relais.supervision.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** One chat in the supervision's read model: the times its service levels are made of. */
@Entity
@Table(name = "chat_fact")
public class ChatFact {
    @Id
    @Column(name = "chat_id")
    private Long chatId;

    @Column(nullable = false, length = 20)
    private String platform;

    @Column(nullable = false, length = 20)
    private String door;

    @Column(length = 60)
    private String topic;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "first_taken_at")
    private Instant firstTakenAt;

    @Column(name = "first_taken_by", length = 60)
    private String firstTakenBy;

    @Column(name = "take_delay_ms")
    private Long takeDelayMs;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(length = 30)
    private String outcome;

    protected ChatFact() {}

    public ChatFact(long chatId, String platform, String door, String topic, Instant openedAt) {
        this.chatId = chatId;
        this.platform = platform;
        this.door = door;
        this.topic = topic;
        this.openedAt = openedAt;
    }

    /** Until its first take, a chat counts for the platform whose queue it is in. */
    public void queuedOn(String currentPlatform) {
        if (firstTakenAt == null) {
            platform = currentPlatform;
        }
    }

    /** The first take makes the take-in-charge delay; later takes (after a transfer) do not change it. */
    public void taken(Instant at, String by) {
        if (firstTakenAt == null && at != null) {
            firstTakenAt = at;
            firstTakenBy = by;
            takeDelayMs = Math.max(0, Duration.between(openedAt, at).toMillis());
        }
    }

    public void closed(Instant at, String how) {
        if (closedAt == null && at != null) {
            closedAt = at;
            outcome = how;
        }
    }
}
