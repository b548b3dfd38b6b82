package fr.relais.incidents.api;

import fr.relais.incidents.boundary.Incidents;
import fr.relais.shared.api.ApiDocumentation;
import fr.relais.shared.api.RetriedOnConflict;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The engine's incidents of every kind, for administrators; retries are recorded. */
@Tag(name = "Incidents", description = "The engine's incidents, for administrators.")
@SecurityRequirement(name = ApiDocumentation.BASIC)
@SecurityRequirement(name = ApiDocumentation.BEARER)
@Path("incidents")
@RequestScoped
@RetriedOnConflict
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IncidentResource {
    /** Why the administrator retries (optional, recorded). */
    public record RetryInput(String note) {}

    @EJB
    Incidents incidents;

    @Operation(
            operationId = "listIncidents",
            summary = "Every open incident of the engine, oldest first: process, step, since when, the failure,"
                    + " the report or chat concerned (admin)")
    @GET
    public List<Incidents.OpenIncident> list() {
        return incidents.open();
    }

    @Operation(
            operationId = "retryIncident",
            summary = "Run the failed step again once, after a fix; the retry is recorded with who, when and the"
                    + " note (admin)")
    @POST
    @Path("{id}/retry")
    public Incidents.Retry retry(@PathParam("id") String id, RetryInput input) {
        return incidents.retry(id, input == null ? null : input.note());
    }

    @Operation(operationId = "listIncidentRetries", summary = "The latest recorded retries, newest first (admin)")
    @GET
    @Path("retries")
    public List<Incidents.Retry> retries(@QueryParam("max") @DefaultValue("100") int max) {
        return incidents.retries(max);
    }
}
