package fr.relais.intake.boundary;

import fr.relais.intake.entity.ChatMessage;
import java.time.Instant;

/** One message of a conversation as its reader may see it; its text is data, rendered as text by every client. */
public record ChatLine(long id, String author, String text, Instant sentAt) {

    public static ChatLine of(ChatMessage message) {
        return of(message, message.text());
    }

    static ChatLine of(ChatMessage message, String text) {
        return new ChatLine(message.id(), message.author().name(), text, message.sentAt());
    }
}
