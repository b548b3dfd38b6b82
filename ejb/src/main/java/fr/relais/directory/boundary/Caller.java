package fr.relais.directory.boundary;

import fr.relais.shared.Platform;
import fr.relais.shared.Role;
import fr.relais.workflow.Workflow;
import java.util.HashSet;
import java.util.Set;

/** The signed-in user as the boundaries see it: name, roles and scope. */
public record Caller(String username, Set<String> roles, Platform platform, String unitCode) {

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** Whether the caller works on {@code platform}; nothing of another platform's exists for staff. */
    public boolean worksOn(Platform required) {
        return platform != null && platform == required;
    }

    /** Whether the caller belongs to {@code unit}; nothing of another unit's exists for a unit agent. */
    public boolean worksIn(String unit) {
        return unitCode != null && unitCode.equals(unit);
    }

    /**
     * The caller as the models' candidate groups name it: {@code platform:<P>} for operators and
     * psychologists, {@code supervisor:<P>} for supervisors, {@code unit:<code>} for unit agents.
     */
    public Workflow.Actor actor() {
        Set<String> groups = new HashSet<>();
        if (platform != null && (has(Role.OPERATOR) || has(Role.PSYCHOLOGIST))) {
            groups.add("platform:" + platform.name());
        }
        if (platform != null && has(Role.SUPERVISOR)) {
            groups.add("supervisor:" + platform.name());
        }
        if (unitCode != null && has(Role.UNIT_AGENT)) {
            groups.add("unit:" + unitCode);
        }
        return new Workflow.Actor(username, Set.copyOf(groups));
    }
}
