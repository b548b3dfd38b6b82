package fr.relais.intake.view;

import fr.relais.intake.entity.Chat;
import fr.relais.shared.view.Messages;
import java.io.Serializable;
import java.util.List;

/**
 * Closing a conversation from which no report was made, other than as "after a report", is asked to
 * be confirmed: the first click warns, a second click with the same outcome closes. One for every
 * screen that closes conversations (operators', psychologist's).
 */
final class ClosingConfirmation implements Serializable {
    /** The chat and outcome whose closing the user was asked to confirm. */
    private String asked;

    /** Whether closing {@code chatId} with {@code outcome} may go ahead; otherwise warns and waits. */
    boolean mayClose(Long chatId, Chat.Outcome outcome, List<Chat> held) {
        String closing = chatId + ":" + outcome;
        boolean withoutReport = outcome != Chat.Outcome.REPORT
                && held.stream().anyMatch(c -> c.id().equals(chatId) && c.reportsMade() == 0);
        if (withoutReport && !closing.equals(asked)) {
            asked = closing;
            Messages.warn("operator.close.confirm");
            return false;
        }
        asked = null;
        return true;
    }
}
