package fr.relais.workflow;

import java.util.Collection;

/** Who the model lets complete a step: its assignee when it has one, else a member of a candidate group. */
final class StepAccess {
    private StepAccess() {}

    static boolean allows(String assignee, Collection<String> candidateGroups, Workflow.Actor actor) {
        if (assignee != null) {
            return assignee.equals(actor.username());
        }
        return candidateGroups.stream().anyMatch(actor.groups()::contains);
    }
}
