package fr.relais.operators.api;

import fr.relais.operators.boundary.CannedAnswers;
import fr.relais.operators.entity.CannedAnswer;
import fr.relais.shared.DomainException;
import fr.relais.shared.Platform;
import fr.relais.shared.api.ApiDocumentation;
import fr.relais.shared.api.RetriedOnConflict;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Canned answers and orientation links: read by a platform's staff, kept by administrators. */
@Tag(name = "Canned answers", description = "Canned answers and orientation links of each platform.")
@SecurityRequirement(name = ApiDocumentation.BASIC)
@SecurityRequirement(name = ApiDocumentation.BEARER)
@Path("canned-answers")
@RequestScoped
@RetriedOnConflict
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CannedAnswerResource {
    @EJB
    CannedAnswers answers;

    /** {@code kind}: {@code ANSWER} (text) or {@code LINK} (text and an https address). */
    public record CannedAnswerInput(String platform, String kind, String title, String body, String url) {}

    @Operation(
            operationId = "listCannedAnswers",
            summary = "List the canned answers of the caller's platform (every platform's, or one's, for an admin)")
    @GET
    public List<CannedAnswers.Entry> list(@QueryParam("platform") String platform) {
        return answers.list(platform(platform));
    }

    @Operation(operationId = "createCannedAnswer", summary = "Add a canned answer or an orientation link (admin)")
    @APIResponse(responseCode = "201", description = "The entry, as stored.")
    @POST
    public Response create(CannedAnswerInput input) {
        CannedAnswerInput in = required(input);
        return Response.status(Response.Status.CREATED)
                .entity(answers.create(platform(in.platform()), kind(in.kind()), in.title(), in.body(), in.url()))
                .build();
    }

    @Operation(operationId = "updateCannedAnswer", summary = "Replace a canned answer (admin)")
    @PUT
    @Path("{id}")
    public CannedAnswers.Entry update(@PathParam("id") long id, CannedAnswerInput input) {
        CannedAnswerInput in = required(input);
        return answers.update(id, platform(in.platform()), kind(in.kind()), in.title(), in.body(), in.url());
    }

    @Operation(operationId = "deleteCannedAnswer", summary = "Delete a canned answer (admin)")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        answers.delete(id);
        return Response.noContent().build();
    }

    private static CannedAnswerInput required(CannedAnswerInput input) {
        if (input == null) {
            throw DomainException.invalid("invalid_body", "Corps de requête manquant.");
        }
        return input;
    }

    private static Platform platform(String value) {
        try {
            return value == null || value.isBlank() ? null : Platform.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("invalid_platform", "Plateforme inconnue.");
        }
    }

    private static CannedAnswer.Kind kind(String value) {
        try {
            return value == null ? null : CannedAnswer.Kind.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("invalid_kind", "Type manquant ou inconnu : ANSWER ou LINK.");
        }
    }
}
