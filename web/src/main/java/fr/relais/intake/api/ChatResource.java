package fr.relais.intake.api;

import fr.relais.intake.boundary.ChatLine;
import fr.relais.intake.boundary.Intake;
import fr.relais.intake.boundary.Transfers;
import fr.relais.intake.entity.Chat;
import fr.relais.privacy.boundary.DataRead;
import fr.relais.privacy.boundary.Seals;
import fr.relais.privacy.boundary.UnsealedChat;
import fr.relais.qualification.boundary.Qualifications;
import fr.relais.qualification.boundary.StaffReport;
import fr.relais.shared.DomainException;
import fr.relais.shared.api.ApiDocumentation;
import fr.relais.shared.api.RetriedOnConflict;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The platform's side of chats: the queue, taking in charge, messages, and how it ends. */
@Tag(name = "Chats", description = "The operator's side of a chat: queue, conversation, ending.")
@SecurityRequirement(name = ApiDocumentation.BASIC)
@SecurityRequirement(name = ApiDocumentation.BEARER)
@Path("chats")
@RequestScoped
@RetriedOnConflict
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChatResource {
    @EJB
    Intake intake;

    @EJB
    Qualifications qualifications;

    @EJB
    Transfers transfers;

    @EJB
    Seals seals;

    /** Why a transcript is unsealed: mandatory, recorded with who and when. */
    public record UnsealRequest(String reason) {}

    public record Closing(String outcome) {}

    /** Where to transfer a held chat: {@code target} one of {@link Transfers.Target}, {@code to} a user name. */
    public record Transfer(String target, String to, String note) {}

    /** {@code ?scope=queue} (default): waiting chats of the caller's platform; {@code mine}: held by the caller. */
    @Operation(
            operationId = "listChats",
            summary = "List the platform's waiting chats, or the caller's own",
            description =
                    "`scope=queue` (default): chats waiting in the caller's platform queue; `scope=mine`: chats the caller"
                            + " holds, each with `unread`, the citizen messages that arrived since the caller last read"
                            + " its messages (`GET /chats/{id}/messages` by the holder marks it read).")
    @GET
    public List<ChatView> list(@QueryParam("scope") @DefaultValue("queue") String scope) {
        return switch (scope) {
            case "queue" -> intake.queue().stream().map(ChatView::of).toList();
            case "mine" -> {
                Map<Long, Integer> unread = intake.unread();
                yield intake.mine().stream()
                        .map(c -> ChatView.of(c, unread.getOrDefault(c.id(), 0)))
                        .toList();
            }
            default -> throw DomainException.invalid("invalid_scope", "Portée inconnue : queue ou mine.");
        };
    }

    @Operation(operationId = "getChat", summary = "Read a chat")
    @GET
    @Path("{id}")
    public ChatView get(@PathParam("id") long id) {
        return ChatView.of(intake.chat(id));
    }

    @Operation(
            operationId = "unsealChat",
            summary = "Unseal a conversation's transcript as told (supervisor, auditor)",
            description = "Refusals: 422 reason_required without a reason, 403 for other roles, 404 for a chat"
                    + " of another platform (supervisor), 409 personal_data_erased after retention. Recorded.")
    @POST
    @Path("{id}/unseal")
    public UnsealedChat unseal(@PathParam("id") long id, UnsealRequest request) {
        return seals.unsealChat(id, request == null ? null : request.reason());
    }

    /** Who read the conversation's personal data, and who unsealed it, with their reasons (auditors). */
    @Operation(operationId = "listChatReads", summary = "List the reads and unsealings of a chat (auditor)")
    @GET
    @Path("{id}/reads")
    public List<DataRead> reads(@PathParam("id") long id) {
        return seals.readsOfChat(id);
    }

    @Operation(operationId = "takeChat", summary = "Take a waiting chat in charge")
    @POST
    @Path("{id}/take")
    public ChatView take(@PathParam("id") long id) {
        return ChatView.of(intake.take(id));
    }

    @Operation(
            operationId = "listChatMessages",
            summary = "Read a chat's messages",
            description = "Read by the chat's holder, this also marks the conversation read: its `unread` count in"
                    + " `GET /chats?scope=mine` goes back to 0.")
    @GET
    @Path("{id}/messages")
    public List<ChatLine> messages(@PathParam("id") long id) {
        return intake.read(id);
    }

    @Operation(operationId = "postChatMessage", summary = "Answer the citizen")
    @APIResponse(responseCode = "201", description = "The message, as sent.")
    @POST
    @Path("{id}/messages")
    public Response post(@PathParam("id") long id, ChatView.NewMessage message) {
        if (message == null) {
            throw DomainException.invalid("invalid_body", "Corps de requête manquant.");
        }
        return Response.status(Response.Status.CREATED)
                .entity(ChatLine.of(intake.postAsOperator(id, message.text())))
                .build();
    }

    @Operation(
            operationId = "closeChat",
            summary = "End a conversation without a report",
            description = "Outcome: `INFORMATION`, `EMERGENCY_REDIRECT` or `ABANDONED`.")
    @POST
    @Path("{id}/close")
    public ChatView close(@PathParam("id") long id, Closing closing) {
        if (closing == null || closing.outcome() == null) {
            throw DomainException.invalid("invalid_outcome", "Issue de conversation manquante.");
        }
        Chat.Outcome outcome;
        try {
            outcome = Chat.Outcome.valueOf(closing.outcome());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("invalid_outcome", "Issue de conversation inconnue.");
        }
        return ChatView.of(intake.close(id, outcome));
    }

    /** Transfers a chat the caller holds; it keeps its history and goes on with its new holder or queue. */
    @Operation(
            operationId = "transferChat",
            summary = "Transfer a held conversation",
            description = "`target`: `COLLEAGUE` (an operator of the same platform named in `to`), `PSYCHOLOGIST`"
                    + " (VSS; the one named in `to`, else the least busy), `OTHER_PLATFORM` (the other platform's"
                    + " queue) or `QUEUE` (back to the platform's queue); `note` (optional, 1000 characters at"
                    + " most) is read by staff only. 409 `chat_not_held` when the caller does not hold the chat,"
                    + " 409 `target_not_available` when nobody suitable can receive it.")
    @POST
    @Path("{id}/transfer")
    public ChatView transfer(@PathParam("id") long id, Transfer transfer) {
        if (transfer == null || transfer.target() == null) {
            throw DomainException.invalid("invalid_target", "Destinataire du transfert manquant.");
        }
        Transfers.Target target;
        try {
            target = Transfers.Target.valueOf(transfer.target());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("invalid_target", "Destinataire du transfert inconnu.");
        }
        return ChatView.of(transfers.transfer(id, target, transfer.to(), transfer.note()));
    }

    /** Makes a report from the conversation, which goes on; the report waits for its qualification. */
    @Operation(operationId = "reportFromChat", summary = "Make a report from a conversation, which goes on")
    @APIResponse(responseCode = "201", description = "The report, waiting for its qualification.")
    @POST
    @Path("{id}/report")
    public Response report(
            @PathParam("id") long id,
            @Parameter(
                            description = "Optional, 16 to 200 visible ASCII characters (e.g. a UUID), kept 24 h: a"
                                    + " retry by the same operator with the same key returns the report the first"
                                    + " attempt made and makes nothing.")
                    @HeaderParam(CitizenChatResource.IDEMPOTENCY_HEADER)
                    String idempotencyKey) {
        StaffReport report;
        try {
            report = qualifications.startReport(id, idempotencyKey);
        } catch (DomainException e) {
            if (!Intake.IDEMPOTENCY_RACE.equals(e.code())) {
                throw e;
            }
            // a request with the same key was running: this new transaction finds what it made
            report = qualifications.startReport(id, idempotencyKey);
        }
        return Response.status(Response.Status.CREATED).entity(report).build();
    }
}
