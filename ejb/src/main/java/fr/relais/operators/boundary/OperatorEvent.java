package fr.relais.operators.boundary;

import fr.relais.shared.Platform;
import java.util.List;

/** What the operators component tells others (CDI events fired by {@link Operators}). */
public sealed interface OperatorEvent {
    Platform platform();

    /**
     * An operator's status or cap changed: the platform's waiting estimates changed. Observe it
     * {@code during = AFTER_SUCCESS}.
     */
    record AvailabilityChanged(String username, Platform platform) implements OperatorEvent {}

    /**
     * An operator is going off shift while holding {@code heldChatIds}, handing them to {@code colleague}
     * (null: back to the platform's queue) with {@code note} (null: none given). Fired inside the
     * transaction, before the change is checked: a synchronous observer ({@code during =
     * IN_PROGRESS}, the default) hands the chats over in that same transaction, and a refusal there
     * refuses the change; chats still held afterwards refuse it too ({@code chats_still_held}).
     */
    record WentOffShift(String username, Platform platform, List<Long> heldChatIds, String colleague, String note)
            implements OperatorEvent {}
}
