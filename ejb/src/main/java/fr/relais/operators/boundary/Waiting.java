package fr.relais.operators.boundary;

import fr.relais.intake.entity.Chat;

/**
 * What a citizen is told about their chat: while it waits, the position in the platform's queue
 * (1 = next) and the estimated wait, or that nobody is available now; once taken or closed, only
 * the status. The page words it in French. How many operators are available stays internal.
 */
public record Waiting(
        long chatId,
        Chat.Status status,
        Integer position,
        Long estimatedSeconds,
        Long estimatedMinutes,
        boolean nobodyAvailable) {

    static Waiting notWaiting(long chatId, Chat.Status status) {
        return new Waiting(chatId, status, null, null, null, false);
    }
}
