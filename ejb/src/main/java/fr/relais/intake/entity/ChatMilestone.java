package fr.relais.intake.entity;

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
import java.time.Instant;

/**
 * A dated step of a chat (table {@code chat_event}): requested, taken in charge, transferred, ended.
 * Kept for the service-level figures (time to take in charge, per platform, per holder), written in the
 * transaction of the step itself.
 */
@Entity
@Table(name = "chat_event")
@NamedQuery(
        name = ChatMilestone.OF_CHAT,
        query = "select e from ChatMilestone e where e.chatId = :chatId order by e.occurredAt, e.id")
public class ChatMilestone {
    public static final String OF_CHAT = "ChatMilestone.ofChat";

    public enum Kind {
        /** The citizen opened the chat; it waits in {@code platform}'s queue. */
        REQUESTED,
        /** {@code actor} took it in charge from the queue. */
        TAKEN,
        /** {@code actor} handed it to the person {@code target} (a colleague, the psychologist). */
        TRANSFERRED_TO_PERSON,
        /** {@code actor} put it back in the queue of {@code platform} (theirs or the other one). */
        TRANSFERRED_TO_QUEUE,
        /** It ended; {@code target} names the outcome; no actor when the citizen's silence ended it. */
        ENDED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "chat_id", nullable = false)
    private Long chatId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private Kind kind;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(length = 60)
    private String actor;

    /** The platform the chat belongs to after the step. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Platform platform;

    @Column(length = 60)
    private String target;

    @Column(length = 1000)
    private String note;

    protected ChatMilestone() {}

    public ChatMilestone(
            Long chatId, Kind kind, Instant occurredAt, String actor, Platform platform, String target, String note) {
        this.chatId = chatId;
        this.kind = kind;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.platform = platform;
        this.target = target;
        this.note = note;
    }

    public Long id() {
        return id;
    }

    public Long chatId() {
        return chatId;
    }

    public Kind kind() {
        return kind;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public Platform platform() {
        return platform;
    }

    public String target() {
        return target;
    }

    public String note() {
        return note;
    }
}
