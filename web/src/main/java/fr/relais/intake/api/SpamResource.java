package fr.relais.intake.api;

import fr.relais.intake.boundary.Intake;
import fr.relais.shared.DomainException;
import fr.relais.shared.api.ApiDocumentation;
import fr.relais.shared.api.RetriedOnConflict;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A supervisor closes a batch of waiting chats of their platform as spam, in one action. */
@Tag(name = "Chat moderation", description = "Supervisors close batches of spam chats of their platform.")
@SecurityRequirement(name = ApiDocumentation.BASIC)
@SecurityRequirement(name = ApiDocumentation.BEARER)
@Path("chats/spam")
@RequestScoped
@RetriedOnConflict
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SpamResource {
    @EJB
    Intake intake;

    /** The chats to close: ids of waiting chats of the supervisor's platform. */
    public record SpamBatch(List<Long> chatIds) {}

    /** A chat left as it was, and why: {@code chat_not_found} (unknown or another platform's) or {@code chat_not_waiting}. */
    public record Refusal(long id, String error) {}

    /** What the batch did. */
    public record SpamResult(List<Long> closed, List<Refusal> refused) {}

    @Operation(
            operationId = "closeChatsAsSpam",
            summary = "Close waiting chats as spam",
            description = "Supervisors, their own platform only, 1 to 200 ids in one transaction. Each conversation"
                    + " ends with the outcome `SPAM` and leaves the queue; chats of another platform, unknown or no"
                    + " longer waiting are left as they are and listed in `refused`.")
    @POST
    public SpamResult close(SpamBatch batch) {
        if (batch == null) {
            throw DomainException.invalid("invalid_body", "Corps de requête manquant.");
        }
        Intake.SpamClosing closing = intake.closeAsSpam(batch.chatIds());
        return new SpamResult(
                closing.closed(),
                closing.refused().entrySet().stream()
                        .map(e -> new Refusal(e.getKey(), e.getValue()))
                        .toList());
    }
}
