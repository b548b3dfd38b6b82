package fr.relais.intake.api;

import fr.relais.intake.entity.Chat;
import java.time.Instant;

/** A chat as staff see it. */
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
        Instant queuedAt) {

    public static ChatView of(Chat chat) {
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
                chat.queuedAt());
    }

    /** A message to post. */
    public record NewMessage(String text) {}
}
