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

    /** Refuses unless the caller belongs to the unit {@code required}. */
    public void requireUnit(String required) {
        if (unitCode == null || !unitCode.equals(required)) {
            throw DomainException.forbidden("Cette ressource appartient à une autre unité.");
        }
    }
}
