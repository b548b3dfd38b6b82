package fr.relais.intake.api;

import fr.relais.intake.boundary.ChatLine;
import fr.relais.intake.boundary.Intake;
import fr.relais.shared.DomainException;
import fr.relais.shared.Platform;
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

/**
 * The citizen's side of a chat: anonymous, and the token returned at opening is the only key to
 * the conversation afterwards.
 */
@Path("citizen/chats")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CitizenChatResource {
    public static final String TOKEN_HEADER = "X-Chat-Token";

    @EJB
    Intake intake;

    public record OpenChat(String platform, String door, String topic, String message) {}

    public record OpenedChat(long id, String token) {}

    @POST
    public Response open(OpenChat request) {
        if (request == null) {
            throw DomainException.invalid("invalid_body", "Corps de requête manquant.");
        }
        var opened = intake.open(platform(request.platform()), request.door(), request.topic(), request.message());
        return Response.status(Response.Status.CREATED)
                .entity(new OpenedChat(opened.chat().id(), opened.token()))
                .build();
    }

    @GET
    @Path("{id}/messages")
    public List<ChatLine> messages(@PathParam("id") long id, @HeaderParam(TOKEN_HEADER) String token) {
        return intake.messagesForCitizen(id, token);
    }

    @POST
    @Path("{id}/messages")
    public Response post(
            @PathParam("id") long id, @HeaderParam(TOKEN_HEADER) String token, ChatView.NewMessage message) {
        if (message == null) {
            throw DomainException.invalid("invalid_body", "Corps de requête manquant.");
        }
        return Response.status(Response.Status.CREATED)
                .entity(ChatLine.of(intake.postAsCitizen(id, token, message.text())))
                .build();
    }

    static Platform platform(String value) {
        try {
            return value == null ? Platform.GENERALIST : Platform.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("invalid_platform", "Plateforme inconnue.");
        }
    }
}
