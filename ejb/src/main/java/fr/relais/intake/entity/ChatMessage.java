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
@NamedQuery(
        name = ChatMessage.LAST_FROM_CITIZEN,
        query = "select m.sentAt from ChatMessage m where m.chatId = :chatId"
                + " and m.author = fr.relais.intake.entity.ChatMessage.Author.CITIZEN order by m.sentAt desc")
public class ChatMessage {
    public static final String OF_CHAT = "ChatMessage.ofChat";
    public static final String LAST_FROM_CITIZEN = "ChatMessage.lastFromCitizen";
    /** When the citizen wrote each of their messages in a chat after {@code :since}, oldest first. */
    public static final String CITIZEN_SENT_SINCE = "ChatMessage.citizenSentSince";

    public static final int MAX_LENGTH = 4000;

    public enum Author {
        CITIZEN,
        /** A police officer or gendarme of the platform. */
        OPERATOR,
        /** The platform's psychologist (VSS), shown to the citizen as such. */
        PSYCHOLOGIST,
        /** The platform gives the citizen a report's receipt reference: the text is the reference alone. */
        RECEIPT,
        /** The platform itself: a transfer, an abandonment; its text is neutral, the staff note is not shown to the citizen. */
        SYSTEM,
        /** Staff line: a danger-now request went to a unit's 24-hour desk (text: the unit's name). */
        DANGER_RAISED,
        /** Staff line: the unit's desk acknowledged the danger-now request (text: the unit's name). */
        DANGER_ACKNOWLEDGED,
        /** Staff line: the desk did not acknowledge in time; the supervisors were alerted. */
        DANGER_ESCALATED;

        /** Whether the citizen sees such lines; the danger-now lines are for staff only. */
        public boolean shownToCitizen() {
            return this != DANGER_RAISED && this != DANGER_ACKNOWLEDGED && this != DANGER_ESCALATED;
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

    /** For staff only (a transfer's note and who handed it to whom); never sent to the citizen. */
    @Column(name = "staff_note", length = 1200)
    private String staffNote;

    /** A citizen's text once sealed: base64 of IV and AES-GCM ciphertext under the conversation's key. */
    @Lob
    @Column(name = "sealed_text")
    private String sealedText;

    protected ChatMessage() {}

    /** The text, sealed by the caller, leaves the plain column. */
    public void seal(String sealed) {
        this.sealedText = sealed;
        this.text = "";
    }

    public String sealedText() {
        return sealedText;
    }

    /** A line the platform writes in the conversation, with what only staff may read. */
    public static ChatMessage system(Long chatId, String text, String staffNote, Instant sentAt) {
        ChatMessage message = new ChatMessage(chatId, Author.SYSTEM, text, sentAt);
        message.staffNote = staffNote;
        return message;
    }

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

    public String staffNote() {
        return staffNote;
    }
}
