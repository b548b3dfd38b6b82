package fr.relais.supervision.api;

import fr.relais.shared.DomainException;
import fr.relais.shared.Platform;
import fr.relais.shared.api.ApiDocumentation;
import fr.relais.shared.api.RetriedOnConflict;
import fr.relais.supervision.boundary.Supervision;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The supervision's figures as JSON, for supervisors (their platform) and administrators. */
@Tag(name = "Supervision", description = "Service levels of the chats and of the handoffs to units.")
@SecurityRequirement(name = ApiDocumentation.BASIC)
@SecurityRequirement(name = ApiDocumentation.BEARER)
@Path("supervision")
@RequestScoped
@RetriedOnConflict
@Produces(MediaType.APPLICATION_JSON)
public class SupervisionResource {
    @EJB
    Supervision supervision;

    @Operation(
            operationId = "superviseChats",
            summary = "Chats of a platform: waiting now, and of those opened in [from, to) (ISO instants, default"
                    + " the last 24 hours) how many were taken, within two minutes, the take-in-charge delay's"
                    + " median, p90 and p99 in seconds (nearest rank) and the breaches (supervisor of the"
                    + " platform, admin)")
    @GET
    @Path("chats")
    public Supervision.ChatFigures chats(
            @QueryParam("platform") String platform, @QueryParam("from") String from, @QueryParam("to") String to) {
        return supervision.chats(platform(platform), instant("from", from), instant("to", to));
    }

    @Operation(
            operationId = "superviseHandoffs",
            summary = "Per unit, the handoffs forwarded in [from, to) (default the last 30 days): sent, acknowledged,"
                    + " taken over, declined, backlog, acknowledgement time median and p90 in seconds, breaches of"
                    + " the acknowledgement target; breaches first (supervisor: their platform's reports; admin:"
                    + " all)")
    @GET
    @Path("handoffs")
    public List<Supervision.UnitFigures> handoffs(
            @QueryParam("department") String department,
            @QueryParam("kind") String kind,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return supervision.handoffs(
                department == null || department.isBlank() ? null : department.strip(),
                kind,
                instant("from", from),
                instant("to", to));
    }

    private static Platform platform(String value) {
        try {
            return value == null || value.isBlank() ? null : Platform.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("invalid_platform", "Plateforme inconnue : GENERALIST ou VSS.");
        }
    }

    private static Instant instant(String name, String value) {
        try {
            return value == null || value.isBlank() ? null : Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(
                    "invalid_period", "« " + name + " » doit être un instant ISO 8601, ex. 2026-11-29T00:00:00Z.");
        }
    }
}
