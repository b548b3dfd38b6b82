package fr.relais.anonymisation.api;

import fr.relais.anonymisation.boundary.Anonymisation;
import fr.relais.anonymisation.control.AnonymisationResult;
import fr.relais.anonymisation.control.Operator;
import fr.relais.anonymisation.control.Policy;
import fr.relais.anonymisation.control.ReporterIdentity;
import fr.relais.shared.DomainException;
import fr.relais.shared.api.ApiDocumentation;
import fr.relais.shared.api.ApiError;
import fr.relais.shared.api.RetriedOnConflict;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the anonymisation engine would remove from a text, for operators and supervisors. */
@Tag(name = "Anonymisation", description = "What the anonymisation would remove from a text.")
@SecurityRequirement(name = ApiDocumentation.BASIC)
@SecurityRequirement(name = ApiDocumentation.BEARER)
@Path("anonymisation")
@RequestScoped
@RetriedOnConflict
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AnonymisationResource {
    static final int MAX_BYTES = 100 * 1024;

    @EJB
    Anonymisation anonymisation;

    /**
     * {@code operator}: PLACEHOLDER (default), MASK or PSEUDONYM; {@code released}: indexes, in order
     * of appearance, of detected entities the unit needs and that stay as they are.
     */
    public record PreviewRequest(String text, ReporterIdentity reporter, String operator, Set<Integer> released) {}

    @Schema(name = "Redaction")
    public record Entity(String type, int start, int end, String replacement) {}

    @Schema(name = "Preview") // a component although no method returns it by type
    public record Preview(String text, List<Entity> entities) {}

    @Operation(
            operationId = "previewAnonymisation",
            summary = "Preview the anonymisation of a text",
            description = "Nothing is stored. The text is limited to 100 KB.")
    @APIResponse(
            responseCode = "200",
            description = "The text as it would leave the platform, and what was replaced.",
            content = @Content(schema = @Schema(ref = "Preview")))
    @APIResponse(responseCode = "413", ref = ApiDocumentation.PAYLOAD_TOO_LARGE)
    @POST
    @Path("preview")
    public Response preview(@HeaderParam("Content-Length") Long contentLength, PreviewRequest request) {
        if (contentLength != null && contentLength > MAX_BYTES + 4096L) {
            return tooLarge();
        }
        if (request == null || request.text() == null) {
            throw DomainException.invalid("invalid_text", "Le champ text est obligatoire.");
        }
        if (request.text().getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return tooLarge();
        }
        Operator operator;
        try {
            operator = request.operator() == null ? Operator.PLACEHOLDER : Operator.valueOf(request.operator());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("invalid_operator", "Opérateur inconnu : PLACEHOLDER, MASK ou PSEUDONYM.");
        }
        Policy policy = Policy.failClosed().with(operator).releasing(request.released());
        AnonymisationResult result = anonymisation.preview(request.text(), request.reporter(), policy);
        return Response.ok(new Preview(
                        result.text(),
                        result.redactions().stream()
                                .map(r -> new Entity(r.type().name(), r.start(), r.end(), r.replacement()))
                                .toList()))
                .build();
    }

    private static Response tooLarge() {
        return ApiError.response(413, "text_too_large", "Le texte dépasse 100 Ko.");
    }
}
