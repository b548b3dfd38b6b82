package fr.relais.intake.boundary;

import fr.relais.intake.entity.ChatMessage;
import java.io.Serializable;
import java.time.Instant;

/** One message of a conversation as its reader may see it; its text is data, rendered as text by every client. */
public record ChatLine(long id, String author, String text, Instant sentAt) implements Serializable {

    /** As the citizen and the live pushes see it: a system line without its staff note. */
    public static ChatLine of(ChatMessage message) {
        return of(message, message.text());
    }

    static ChatLine of(ChatMessage message, String text) {
        return new ChatLine(message.id(), message.author().name(), text, message.sentAt());
    }

    /** As platform staff read it: a system line with its note (who handed it to whom, and why). */
    static ChatLine forStaff(ChatMessage message, String text) {
        String note = message.staffNote();
        return of(message, note == null ? text : text + " — " + note);
    }
}
