package fr.relais.intake.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One message of a chat. Stored as typed; every screen renders it as text, never as markup. */
@Entity
@Table(name = "chat_message")
@NamedQuery(
        name = ChatMessage.OF_CHAT,
        query = "select m from ChatMessage m where m.chatId = :chatId order by m.sentAt, m.id")
public class ChatMessage {
    public static final String OF_CHAT = "ChatMessage.ofChat";
    public static final int MAX_LENGTH = 5000;

    public enum Author {
        CITIZEN,
        OPERATOR,
        /** System line: a danger-now request went to a unit's 24-hour desk (text: the unit's name). */
        DANGER_RAISED,
        /** System line: the unit's desk acknowledged the danger-now request (text: the unit's name). */
        DANGER_ACKNOWLEDGED,
        /** System line: the desk did not acknowledge in time; the supervisors were alerted. */
        DANGER_ESCALATED;

        /** Whether a person wrote it; system lines are for staff only, never shown to the citizen. */
        public boolean isPerson() {
            return this == CITIZEN || this == OPERATOR;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "chat_id", nullable = false)
    private Long chatId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Author author;

    @Lob
    @Column(nullable = false)
    private String text;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    protected ChatMessage() {}

    public ChatMessage(Long chatId, Author author, String text, Instant sentAt) {
        this.chatId = chatId;
        this.author = author;
        this.text = text;
        this.sentAt = sentAt;
    }

    public Long id() {
        return id;
    }

    public Author author() {
        return author;
    }

    public String text() {
        return text;
    }

    public Instant sentAt() {
        return sentAt;
    }
}
