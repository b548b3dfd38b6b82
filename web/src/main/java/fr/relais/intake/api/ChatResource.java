package fr.relais.intake.api;

import fr.relais.intake.boundary.ChatLine;
import fr.relais.intake.boundary.Intake;
import fr.relais.intake.entity.Chat;
import fr.relais.qualification.boundary.Qualifications;
import fr.relais.shared.DomainException;
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
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The platform's side of chats: the queue, taking in charge, messages, and how it ends. */
@Path("chats")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChatResource {
    @EJB
    Intake intake;

    @EJB
    Qualifications qualifications;

    public record Closing(String outcome) {}

    /** {@code ?scope=queue} (default): waiting chats of the caller's platform; {@code mine}: held by the caller. */
    @GET
    public List<ChatView> list(@QueryParam("scope") @DefaultValue("queue") String scope) {
        List<Chat> chats =
                switch (scope) {
                    case "queue" -> intake.queue();
                    case "mine" -> intake.mine();
                    default -> throw DomainException.invalid("invalid_scope", "Portée inconnue : queue ou mine.");
                };
        return chats.stream().map(ChatView::of).toList();
    }

    @GET
    @Path("{id}")
    public ChatView get(@PathParam("id") long id) {
        return ChatView.of(intake.chat(id));
    }

    @POST
    @Path("{id}/take")
    public ChatView take(@PathParam("id") long id) {
        return ChatView.of(intake.take(id));
    }

    @GET
    @Path("{id}/messages")
    public List<ChatLine> messages(@PathParam("id") long id) {
        return intake.transcript(id);
    }

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

    /** Makes a report from the conversation, which goes on; the report waits for its qualification. */
    @POST
    @Path("{id}/report")
    public Response report(@PathParam("id") long id) {
        return Response.status(Response.Status.CREATED)
                .entity(qualifications.staffReport(
                        qualifications.startReport(id).id()))
                .build();
    }
}
