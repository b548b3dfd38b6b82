package fr.relais.forwarding.api;

import fr.relais.forwarding.boundary.Deliveries;
import fr.relais.forwarding.boundary.EndpointSettings;
import fr.relais.shared.DomainException;
import fr.relais.shared.api.ApiDocumentation;
import fr.relais.shared.api.RetriedOnConflict;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A unit's own system, where its reports are delivered: set and read by admins; the secret is never returned. */
@Tag(name = "Delivery", description = "Delivery of forwarded reports to units' own systems.")
@SecurityRequirement(name = ApiDocumentation.BASIC)
@SecurityRequirement(name = ApiDocumentation.BEARER)
@Path("units/{code}/endpoint")
@RequestScoped
@RetriedOnConflict
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UnitEndpointResource {
    @EJB
    Deliveries deliveries;

    /** {@code url}: http(s); {@code secret}: 16 to 200 characters, optional when the unit already has one. */
    public record EndpointInput(String url, String secret) {}

    @Operation(operationId = "getUnitEndpoint", summary = "Read a unit's endpoint, without its secret (admin)")
    @GET
    public EndpointSettings get(@PathParam("code") String code) {
        return deliveries.endpoint(code);
    }

    @Operation(
            operationId = "setUnitEndpoint",
            summary = "Set a unit's endpoint: URL and shared secret (admin)",
            description = "Reports forwarded to the unit from now on are delivered there, signed with the secret.")
    @PUT
    public EndpointSettings set(@PathParam("code") String code, EndpointInput input) {
        if (input == null) {
            throw DomainException.invalid("invalid_body", "Corps de requête manquant.");
        }
        return deliveries.setEndpoint(code, input.url(), input.secret());
    }

    @Operation(operationId = "removeUnitEndpoint", summary = "Remove a unit's endpoint (admin)")
    @APIResponse(responseCode = "204", description = "Removed.")
    @DELETE
    public Response remove(@PathParam("code") String code) {
        deliveries.removeEndpoint(code);
        return Response.noContent().build();
    }
}
