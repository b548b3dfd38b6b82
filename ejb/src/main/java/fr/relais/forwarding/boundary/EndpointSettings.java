package fr.relais.forwarding.boundary;

import fr.relais.forwarding.entity.UnitEndpoint;
import java.time.Instant;

/** A unit's endpoint as an admin reads it back: the URL, never the secret. */
public record EndpointSettings(String unitCode, String url, boolean secretSet, String updatedBy, Instant updatedAt) {
    static EndpointSettings of(UnitEndpoint e) {
        return new EndpointSettings(e.unitCode(), e.url(), true, e.updatedBy(), e.updatedAt());
    }
}
