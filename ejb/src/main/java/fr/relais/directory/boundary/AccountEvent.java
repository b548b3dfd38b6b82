package fr.relais.directory.boundary;

/** What happens to accounts, for the components holding work of theirs. */
public sealed interface AccountEvent {
    /**
     * An administrator disabled {@code username}. Fired synchronously inside the transaction of the
     * change: observers hand the conversations and steps the account held back to their queues, and a
     * failure there refuses the change.
     */
    record Disabled(String username, String by) implements AccountEvent {}
}
