package fr.relais.dangernow.api;

import fr.relais.dangernow.boundary.DangerNow;
import fr.relais.dangernow.boundary.UnitDangerRequest;
import fr.relais.shared.api.ApiDocumentation;
import fr.relais.shared.api.RetriedOnConflict;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A unit's 24-hour desk: the danger-now requests sent to the caller's own unit, to acknowledge. */
@Tag(name = "Danger now", description = "Immediate requests to a unit's 24-hour desk while a conversation goes on.")
@SecurityRequirement(name = ApiDocumentation.BASIC)
@SecurityRequirement(name = ApiDocumentation.BEARER)
@Path("danger-now")
@RequestScoped
@RetriedOnConflict
@Produces(MediaType.APPLICATION_JSON)
public class DeskResource {
    @EJB
    DangerNow dangerNow;

    @Operation(
            operationId = "listDangerNow",
            summary = "List the danger-now requests of the caller's unit",
            description = "Those waiting for acknowledgement first, oldest first; then the last acknowledged.")
    @GET
    public List<UnitDangerRequest> list() {
        return dangerNow.forUnit();
    }

    @Operation(operationId = "getDangerNow", summary = "Read a danger-now request of the caller's unit")
    @GET
    @Path("{id}")
    public UnitDangerRequest get(@PathParam("id") long id) {
        return dangerNow.unitRequest(id);
    }

    @Operation(operationId = "acknowledgeDangerNow", summary = "Acknowledge a danger-now request for the caller's unit")
    @POST
    @Path("{id}/acknowledge")
    public UnitDangerRequest acknowledge(@PathParam("id") long id) {
        return dangerNow.acknowledge(id);
    }
}
