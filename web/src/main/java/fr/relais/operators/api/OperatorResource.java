package fr.relais.operators.api;

import fr.relais.operators.boundary.OperatorStatus;
import fr.relais.operators.boundary.Operators;
import fr.relais.operators.entity.OperatorState;
import fr.relais.shared.DomainException;
import fr.relais.shared.api.ApiDocumentation;
import fr.relais.shared.api.RetriedOnConflict;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators' statuses (set by each operator) and caps of simultaneous conversations (set by supervisors). */
@Tag(name = "Operators", description = "Operators' statuses and caps of simultaneous conversations.")
@SecurityRequirement(name = ApiDocumentation.BASIC)
@SecurityRequirement(name = ApiDocumentation.BEARER)
@Path("operators")
@RequestScoped
@RetriedOnConflict
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OperatorResource {
    @EJB
    Operators operators;

    /**
     * {@code handTo} (optional, with {@code OFF_SHIFT} only): the colleague who receives the conversations
     * still held, instead of the queue; {@code note} (optional) goes with each for staff.
     */
    public record StatusChange(String status, String handTo, String note) {}

    /** {@code cap} null (or absent): back to the configured default. */
    public record CapChange(Integer cap) {}

    @Operation(operationId = "getMyOperatorStatus", summary = "Read the calling operator's status, held chats and cap")
    @GET
    @Path("me")
    public OperatorStatus mine() {
        return operators.mine();
    }

    @Operation(
            operationId = "changeMyOperatorStatus",
            summary = "Change the calling operator's status",
            description = "`AVAILABLE`, `ON_BREAK` or `OFF_SHIFT`. Only an available operator takes chats in charge"
                    + " and counts in the citizens' waiting estimate. Going off shift hands the conversations still"
                    + " held, with their history, back to the platform's queue, or with `handTo` to that colleague:"
                    + " an operator of the same platform (400 `invalid_target` otherwise), available (409"
                    + " `target_not_available`) and under their cap (409 `target_cap_reached`); a refusal hands"
                    + " nothing over and leaves the status as it was. `handTo` with another status: 400"
                    + " `invalid_hand_over`. `note` (optional, 1000 characters at most) is read by staff only.")
    @APIResponse(
            responseCode = "200",
            description = "The operator's status after the change.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "409", ref = ApiDocumentation.CONFLICT)
    @PUT
    @Path("me/status")
    public OperatorStatus changeStatus(StatusChange change) {
        if (change == null || change.status() == null) {
            throw DomainException.invalid(
                    "invalid_status", "Statut manquant ou inconnu : AVAILABLE, ON_BREAK ou OFF_SHIFT.");
        }
        OperatorState.Status status;
        try {
            status = OperatorState.Status.valueOf(change.status());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(
                    "invalid_status", "Statut manquant ou inconnu : AVAILABLE, ON_BREAK ou OFF_SHIFT.");
        }
        return operators.changeStatus(status, change.handTo(), change.note());
    }

    @Operation(
            operationId = "listOperators",
            summary = "List the operators of the supervisor's platform: status, held chats, cap (supervisor)")
    @GET
    public List<OperatorStatus> team() {
        return operators.team();
    }

    @Operation(
            operationId = "setOperatorCap",
            summary = "Set an operator's cap of simultaneous conversations (supervisor)",
            description = "From 1 to 20; `null` goes back to the configured default (`RELAIS_OPERATOR_MAX_CHATS`).")
    @PUT
    @Path("{username}/cap")
    public OperatorStatus setCap(@PathParam("username") String username, CapChange change) {
        if (change == null) {
            throw DomainException.invalid("invalid_body", "Corps de requête manquant.");
        }
        return operators.setCap(username, change.cap());
    }
}
