package fr.relais.dangernow.api;

import fr.relais.dangernow.boundary.DangerNow;
import fr.relais.dangernow.boundary.StaffDangerRequest;
import fr.relais.shared.DomainException;
import fr.relais.shared.api.ApiDocumentation;
import fr.relais.shared.api.RetriedOnConflict;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The platform's side of danger now: the operator holding a chat raises a request to a unit's 24-hour desk. */
@Tag(name = "Danger now", description = "Immediate requests to a unit's 24-hour desk while a conversation goes on.")
@SecurityRequirement(name = ApiDocumentation.BASIC)
@SecurityRequirement(name = ApiDocumentation.BEARER)
@Path("chats/{id}/danger-now")
@RequestScoped
@RetriedOnConflict
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChatDangerNowResource {
    @EJB
    DangerNow dangerNow;

    /** Where the danger is (the desk covering that postal code receives it) and what it is, in a few words. */
    public record Raising(String postalCode, String commune, String summary) {}

    @Operation(
            operationId = "raiseDangerNow",
            summary = "Raise a danger-now request to the competent unit's 24-hour desk",
            description = "Only the operator holding the chat; the conversation goes on. One request at a time per"
                    + " chat until its desk acknowledges it.")
    @APIResponse(responseCode = "201", description = "The request, sent to the unit's desk.")
    @POST
    public Response raise(@PathParam("id") long id, Raising raising) {
        if (raising == null) {
            throw DomainException.invalid("invalid_body", "Corps de requête manquant.");
        }
        return Response.status(Response.Status.CREATED)
                .entity(dangerNow.raise(id, raising.postalCode(), raising.commune(), raising.summary()))
                .build();
    }

    @Operation(
            operationId = "listChatDangerNow",
            summary = "List a chat's danger-now requests and their acknowledgements")
    @GET
    public List<StaffDangerRequest> list(@PathParam("id") long id) {
        return dangerNow.ofChat(id);
    }
}
