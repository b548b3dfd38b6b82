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

    /** The tree in use after a publication. */
    public record Published(String version, int leaves, String publishedBy, Instant publishedAt) {}

    /** The refusal of an invalid tree: an ApiError that lists every problem. */
    public record Problems(String error, String message, List<String> problems) {}

    @Operation(
            operationId = "getOrientation",
            summary = "The orientation tree (public)",
            description = "Public, no account. The whole tree, or with `node` (a path of 1-based positions such as"
                    + " `1-4-2`) the subtree at that node, as the portal's pages address it. At most 5 clicks"
                    + " from the root to every orientation. Each node: `label` and either `children` (the next"
                    + " choices) or `orientation` (`kind`: `procedure`, `chat`, `helpline`, `units` or `sheet`;"
                    + " `title`; optional `text`; `url` (https, or a page of the portal `/citoyen/…`), `phone`,"
                    + " `sheet` (a practical sheet's id), `topic` and `platform` (`GENERALIST` or `VSS`) as the"
                    + " kind needs). The root also carries the tree's `version`.")
    @SecurityRequirementsSet
    @APIResponse(responseCode = "200", description = "The tree (or the subtree).")
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
    @APIResponse(
            responseCode = "200",
            description = "Published: `{\"version\", \"leaves\", \"publishedBy\", \"publishedAt\"}`.")
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
