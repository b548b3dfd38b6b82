package fr.relais.intake.api;

import fr.relais.intake.boundary.ChatLine;
import fr.relais.intake.boundary.Intake;
import fr.relais.operators.boundary.Waiting;
import fr.relais.operators.boundary.WaitingLine;
import fr.relais.shared.DomainException;
import fr.relais.shared.Platform;
import fr.relais.shared.api.RetriedOnConflict;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The citizen's side of a chat: anonymous, and the token returned at opening is the only key to
 * the conversation afterwards.
 */
@Tag(
        name = "Citizen chat",
        description = "The citizen's side of a chat: public, the token returned at opening is the key to it.")
@SecurityRequirementsSet // public: the chat token is the key, not an account
@Path("citizen/chats")
@RequestScoped
@RetriedOnConflict
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CitizenChatResource {
    public static final String TOKEN_HEADER = "X-Chat-Token";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    private static final String IDEMPOTENCY_DESCRIPTION =
            "Optional, 16 to 200 visible ASCII characters (e.g. a UUID), kept 24 h: a retry with the same key"
                    + " and body returns the first answer and makes nothing; with another body, 422"
                    + " `idempotency_key_reused`.";

    @EJB
    Intake intake;

    @EJB
    WaitingLine waitingLine;

    public record OpenChat(String platform, String door, String topic, String message) {}

    @Schema(name = "OpenedChat") // a component although no method returns it by type
    public record OpenedChat(long id, String token) {}

    @Operation(
            operationId = "openCitizenChat",
            summary = "Open a chat",
            description =
                    "Public. A topic of the routing table (e.g. `SEXUAL_VIOLENCE` behind the door `VICTIM`) decides"
                            + " the platform; with a free topic the platform defaults to `GENERALIST`. Keep the"
                            + " returned token: it alone gives access to the conversation (header `X-Chat-Token`)."
                            + " Rate-limited per client address (429 `rate_limited` with `Retry-After`).")
    @APIResponse(
            responseCode = "201",
            description = "The chat and its token.",
            content = @Content(schema = @Schema(ref = "OpenedChat")))
    @POST
    public Response open(
            @Parameter(description = IDEMPOTENCY_DESCRIPTION) @HeaderParam(IDEMPOTENCY_HEADER) String idempotencyKey,
            OpenChat request) {
        if (request == null) {
            throw DomainException.invalid("invalid_body", "Corps de requête manquant.");
        }
        Platform platform = platform(request.platform());
        var opened =
                once(() -> intake.open(platform, request.door(), request.topic(), request.message(), idempotencyKey));
        return Response.status(Response.Status.CREATED)
                .entity(new OpenedChat(opened.chat().id(), opened.token()))
                .build();
    }

    @Operation(operationId = "listCitizenChatMessages", summary = "Read the conversation with the chat token")
    @GET
    @Path("{id}/messages")
    public List<ChatLine> messages(@PathParam("id") long id, @HeaderParam(TOKEN_HEADER) String token) {
        return intake.messagesForCitizen(id, token);
    }

    @Operation(
            operationId = "postCitizenChatMessage",
            summary = "Write to the officer with the chat token",
            description = "Limited per chat: messages per minute (429 `rate_limited` with `Retry-After`) and"
                    + " characters in all (409 `chat_too_large`).")
    @APIResponse(responseCode = "201", description = "The message, as sent.")
    @POST
    @Path("{id}/messages")
    public Response post(
            @PathParam("id") long id,
            @HeaderParam(TOKEN_HEADER) String token,
            @Parameter(description = IDEMPOTENCY_DESCRIPTION) @HeaderParam(IDEMPOTENCY_HEADER) String idempotencyKey,
            ChatView.NewMessage message) {
        if (message == null) {
            throw DomainException.invalid("invalid_body", "Corps de requête manquant.");
        }
        return Response.status(Response.Status.CREATED)
                .entity(ChatLine.of(once(() -> intake.postAsCitizen(id, token, message.text(), idempotencyKey))))
                .build();
    }

    /**
     * Runs an idempotent call; when a concurrent request held the same key, runs it once more in a new
     * transaction, which finds what that request made.
     */
    static <T> T once(Supplier<T> call) {
        try {
            return call.get();
        } catch (DomainException e) {
            if (!Intake.IDEMPOTENCY_RACE.equals(e.code())) {
                throw e;
            }
            return call.get();
        }
    }

    @Operation(
            operationId = "getCitizenChatWaiting",
            summary = "Read the position in the queue and the estimated wait with the chat token",
            description = "While the chat waits: `position` (1 = next), `estimatedMinutes`, or `nobodyAvailable`"
                    + " when no operator of the platform is available now. Once taken or closed: the status only.")
    @GET
    @Path("{id}/waiting")
    public Waiting waiting(@PathParam("id") long id, @HeaderParam(TOKEN_HEADER) String token) {
        return waitingLine.forCitizen(id, token);
    }

    static Platform platform(String value) {
        try {
            return value == null ? null : Platform.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("invalid_platform", "Plateforme inconnue.");
        }
    }
}
