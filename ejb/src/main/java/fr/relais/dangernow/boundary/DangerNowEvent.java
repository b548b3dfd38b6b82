package fr.relais.dangernow.boundary;

/**
 * What the danger-now component tells the screens after a change commits (observe {@code during =
 * TransactionPhase.AFTER_SUCCESS}): ids only, for the unit's desk and the operator holding the chat.
 */
public record DangerNowEvent(long requestId, long chatId, String unitCode, String operator) {}
