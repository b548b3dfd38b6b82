package fr.relais.orientation.api;

import fr.relais.orientation.boundary.InvalidOrientation;
import fr.relais.orientation.boundary.Orientations;
import fr.relais.orientation.control.OrientationTree;
import fr.relais.shared.DomainException;
import fr.relais.shared.api.ApiDocumentation;
import fr.relais.shared.api.RetriedOnConflict;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public portal's orientation tree, for other front ends: read by anyone, replaced by
 * administrators (validated first; refused whole, with every problem listed).
 */
@Tag(name = "Orientation", description = "The portal's orientation tree: from the three doors to a final orientation.")
@Path("orientation")
@RequestScoped
@RetriedOnConflict
@Produces(MediaType.APPLICATION_JSON)
public class OrientationResource {
    @EJB
    Orientations orientations;

    /** A node of the tree, as served (documentation of the JSON built by {@link OrientationTree#toJson()}). */
    @Schema(
            name = "OrientationNode",
            description = "A node: a `label` and either `children` (the next choices) or an `orientation` (a final"
                    + " answer). The root also carries the tree's `version`.",
            requiredProperties = {"label"})
    public record Node(
            @Schema(description = "The tree's version (root only).") String version,
            @Schema(description = "What the visitor clicks, in plain French.") String label,
            List<Node> children,
            Answer orientation) {}

    @Schema(
            name = "Orientation",
            description = "A final orientation; `url`, `phone`, `sheet`, `topic` and `platform` as its kind needs.",
            requiredProperties = {"kind", "title"})
    public record Answer(
            @Schema(enumeration = {"procedure", "chat", "helpline", "units", "sheet"}) String kind,
            String title,
            @Schema(description = "A short explanation, in plain French.") String text,
            @Schema(description = "An https address, or a page of the portal (`/citoyen/…`).") String url,
            @Schema(description = "A phone number, as displayed (`0 800 05 95 95`).") String phone,
            @Schema(description = "A practical sheet's id (`/citoyen/fiche.xhtml?id=`).") String sheet,
            @Schema(description = "The chat's topic (kind `chat`).") String topic,
            @Schema(enumeration = {"GENERALIST", "VSS"}) String platform) {}

    /** The tree in use after a publication. */
    @Schema(
            name = "OrientationPublished",
            requiredProperties = {"version", "leaves", "publishedBy", "publishedAt"})
    public record Published(String version, int leaves, String publishedBy, Instant publishedAt) {}

    /** The refusal of an invalid tree: an ApiError that lists every problem. */
    public record Problems(String error, String message, List<String> problems) {}

    @Operation(
            operationId = "getOrientation",
            summary = "The orientation tree (public)",
            description = "Public, no account. The whole tree, or with `node` (a path of 1-based positions such as"
                    + " `1-4-2`) the subtree at that node, as the portal's pages address it. At most 5 clicks"
                    + " from the root to every orientation.")
    @SecurityRequirementsSet
    @APIResponse(
            responseCode = "200",
            description = "The tree (or the subtree).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Node.class)))
    @APIResponse(responseCode = "404", ref = ApiDocumentation.NOT_FOUND)
    @GET
    public JsonObject get(@QueryParam("node") String node) {
        OrientationTree tree = orientations.current().tree();
        if (node == null || node.isBlank()) {
            return tree.toJson();
        }
        if (!node.strip().matches("[0-9]{1,3}(-[0-9]{1,3}){0,5}")) {
            throw DomainException.invalid("invalid_node", "Nœud invalide : des positions séparées par des tirets.");
        }
        return tree.find(node.strip())
                .map(n -> new OrientationTree(tree.version(), n).toJson())
                .orElseThrow(() -> DomainException.notFound("node_not_found", "Ce choix n'existe pas."));
    }

    @Operation(
            operationId = "putOrientation",
            summary = "Replace the orientation tree (admin)",
            description = "The same JSON as `GET` serves (a node may also be `{\"label\", \"goto\": id}` to reuse a"
                    + " branch declared with an `id`). Validated like the shipped tree: no dead end, no cycle, at"
                    + " most 5 clicks, every leaf an orientation of a known kind, every link well formed. Invalid:"
                    + " 400 `invalid_orientation` with `problems` (every one, in French), nothing changed. Valid:"
                    + " served at once by every instance; the publication is an audit event.")
    @SecurityRequirement(name = ApiDocumentation.BASIC)
    @SecurityRequirement(name = ApiDocumentation.BEARER)
    @RequestBody(
            required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Node.class)))
    @APIResponse(
            responseCode = "200",
            description = "Published.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Published.class)))
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(String body) {
        if (body == null || body.isBlank()) {
            throw DomainException.invalid("invalid_body", "Corps de requête manquant.");
        }
        try {
            Orientations.Published published = orientations.publish(body);
            return Response.ok(new Published(
                            published.tree().version(),
                            published.tree().leafCount(),
                            published.publishedBy(),
                            published.publishedAt()))
                    .build();
        } catch (InvalidOrientation e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new Problems(e.code(), e.getMessage(), e.problems()))
                    .build();
        }
    }
}
