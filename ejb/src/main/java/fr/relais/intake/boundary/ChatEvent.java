package fr.relais.intake.boundary;

import fr.relais.shared.Platform;

/**
 * What intake tells the screens after a change commits (CDI events fired by {@link Intake}, to
 * be observed {@code during = TransactionPhase.AFTER_SUCCESS}): they carry ids and the new line,
 * for the parties entitled to it.
 */
public sealed interface ChatEvent {
    long chatId();

    Platform platform();

    /** A message was written in a chat; {@code operator} holds the chat, or is null while it waits. */
    record Posted(long chatId, Platform platform, String operator, ChatLine line) implements ChatEvent {}

    /** A platform's queue changed: a chat was opened, taken in charge or closed. */
    record QueueChanged(long chatId, Platform platform) implements ChatEvent {}
}
