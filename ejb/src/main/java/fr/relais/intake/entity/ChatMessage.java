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
@NamedQuery(
        name = ChatMessage.CITIZEN_SENT_SINCE,
        query = "select m.sentAt from ChatMessage m where m.chatId = :chatId"
                + " and m.author = fr.relais.intake.entity.ChatMessage.Author.CITIZEN and m.sentAt > :since"
                + " order by m.sentAt")
public class ChatMessage {
    public static final String OF_CHAT = "ChatMessage.ofChat";
    public static final int MAX_LENGTH = 4000;
    /** When the citizen wrote each of their messages in a chat after {@code :since}, oldest first. */
    public static final String CITIZEN_SENT_SINCE = "ChatMessage.citizenSentSince";


    public enum Author {
        CITIZEN,
        OPERATOR,
        /** The platform gives the citizen a report's receipt reference: the text is the reference alone. */
        RECEIPT
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
