package fr.relais.forwarding.api;

import fr.relais.forwarding.boundary.Forwarding;
import fr.relais.forwarding.boundary.UnitReport;
import fr.relais.shared.api.ApiDocumentation;
import fr.relais.shared.api.RetriedOnConflict;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A unit agent's inbox: the reports forwarded to the agent's own unit, waiting for it. */
@Tag(name = "Unit inbox", description = "The reports forwarded to the caller's unit.")
@SecurityRequirement(name = ApiDocumentation.BASIC)
@SecurityRequirement(name = ApiDocumentation.BEARER)
@Path("inbox")
@RequestScoped
@RetriedOnConflict
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {
    @EJB
    Forwarding forwarding;

    @Operation(operationId = "listInbox", summary = "List the reports awaiting the caller's unit")
    @GET
    public List<UnitReport> inbox() {
        return forwarding.inbox();
    }
}
