package fr.relais.intake.api;

import fr.relais.intake.entity.Chat;
import java.time.Instant;

/**
 * A chat as staff see it; {@code unread}, in the caller's own chats only ({@code scope=mine}), counts the
 * citizen messages that arrived since the caller last read the conversation.
 */
public record ChatView(
        long id,
        String platform,
        String door,
        String topic,
        boolean dangerNow,
        String status,
        String outcome,
        String operator,
        Instant createdAt,
        Instant takenAt,
        Instant queuedAt,
        Integer unread) {

    public static ChatView of(Chat chat) {
        return of(chat, null);
    }

    public static ChatView of(Chat chat, Integer unread) {
        return new ChatView(
                chat.id(),
                chat.platform().name(),
                chat.door(),
                chat.topic(),
                chat.dangerNow(),
                chat.status().name(),
                chat.outcome() == null ? null : chat.outcome().name(),
                chat.operator(),
                chat.createdAt(),
                chat.takenAt(),
                chat.queuedAt(),
                unread);
    }

    /** A message to post. */
    public record NewMessage(String text) {}
}
