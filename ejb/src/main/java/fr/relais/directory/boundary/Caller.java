package fr.relais.directory.boundary;

import fr.relais.shared.DomainException;
import fr.relais.shared.Platform;
import java.util.Set;

/** The signed-in user as the boundaries see it: name, roles and scope. */
public record Caller(String username, Set<String> roles, Platform platform, String unitCode) {

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** Refuses unless the caller works on {@code required}'s platform. */
    public void requirePlatform(Platform required) {
        if (platform == null || platform != required) {
            throw DomainException.forbidden("Cette ressource appartient à une autre plateforme.");
        }
    }

    /** Whether the caller belongs to {@code unit}; nothing of another unit's exists for a unit agent. */
    public boolean worksIn(String unit) {
        return unitCode != null && unitCode.equals(unit);
    }
}
