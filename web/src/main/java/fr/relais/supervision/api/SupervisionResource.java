package fr.relais.supervision.api;

import fr.relais.shared.DomainException;
import fr.relais.shared.Platform;
import fr.relais.shared.api.ApiDocumentation;
import fr.relais.shared.api.RetriedOnConflict;
import fr.relais.supervision.boundary.Supervision;
import fr.relais.supervision.control.HourlyVolumes;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The supervision's figures as JSON, for supervisors (their platform) and administrators. */
@Tag(name = "Supervision", description = "Service levels of the chats and of the handoffs to units.")
@SecurityRequirement(name = ApiDocumentation.BASIC)
@SecurityRequirement(name = ApiDocumentation.BEARER)
@Path("supervision")
@RequestScoped
@RetriedOnConflict
public class SupervisionResource {
    @EJB
    Supervision supervision;

    @Operation(
            operationId = "superviseChats",
            summary = "Chats of a platform: waiting now, and of those opened in [from, to) (ISO instants, default"
                    + " the last 24 hours) how many were taken, within two minutes, the take-in-charge delay's"
                    + " median, p90 and p99 in seconds (nearest rank) and the breaches (supervisor of the"
                    + " platform, admin); CSV with ?format=csv or Accept: text/csv")
    @APIResponse(
            responseCode = "200",
            description = "The figures.",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = Supervision.ChatFigures.class)),
                @Content(mediaType = SupervisionCsv.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))
            })
    @GET
    @Path("chats")
    @Produces({MediaType.APPLICATION_JSON, SupervisionCsv.TEXT_CSV})
    public Response chats(
            @QueryParam("platform") String platform,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        var figures = supervision.chats(platform(platform), instant("from", from), instant("to", to));
        return answer(format, headers, figures, () -> SupervisionCsv.chats(List.of(figures)), "chats");
    }

    @Operation(
            operationId = "superviseHandoffs",
            summary = "Per unit, the handoffs forwarded in [from, to) (default the last 7 days): sent, acknowledged,"
                    + " taken over, declined, backlog, acknowledgement time median and p90 in seconds, breaches of"
                    + " the acknowledgement target; breaches first (supervisor: their platform's reports; admin:"
                    + " all); CSV with ?format=csv or Accept: text/csv")
    @APIResponse(
            responseCode = "200",
            description = "One line per unit.",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(type = SchemaType.ARRAY, implementation = Supervision.UnitFigures.class)),
                @Content(mediaType = SupervisionCsv.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))
            })
    @GET
    @Path("handoffs")
    @Produces({MediaType.APPLICATION_JSON, SupervisionCsv.TEXT_CSV})
    public Response handoffs(
            @QueryParam("department") String department,
            @QueryParam("kind") String kind,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        var units = supervision.handoffs(
                department == null || department.isBlank() ? null : department.strip(),
                kind,
                instant("from", from),
                instant("to", to));
        return answer(format, headers, units, () -> SupervisionCsv.handoffs(units), "handoffs");
    }

    @Operation(
            operationId = "superviseLifecycle",
            summary = "The platform's reports in each open stage (qualifying, awaiting validation, awaiting review,"
                    + " forwarding, awaiting acknowledgement, rerouting): counts per stage, then each report's time"
                    + " in its stage against the stage's target, breaches first (500 at most); supervisor of the"
                    + " platform, admin naming one; CSV (the reports) with ?format=csv or Accept: text/csv")
    @APIResponse(
            responseCode = "200",
            description = "Counts and reports.",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = Supervision.Lifecycle.class)),
                @Content(mediaType = SupervisionCsv.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))
            })
    @GET
    @Path("lifecycle")
    @Produces({MediaType.APPLICATION_JSON, SupervisionCsv.TEXT_CSV})
    public Response lifecycle(
            @QueryParam("platform") String platform,
            @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        var lifecycle = supervision.lifecycle(platform(platform));
        return answer(format, headers, lifecycle, () -> SupervisionCsv.lifecycle(lifecycle.reports()), "lifecycle");
    }

    @Operation(
            operationId = "superviseTrends",
            summary = "Reports made per hour in [from, to) (dates, Paris days, to included; or ISO instants; default"
                    + " the last 24 hours; 93 days at most), each hour marked night (20:00-08:00 Europe/Paris), by"
                    + " category (drug trafficking on its own), platform and door; supervisor: their platform,"
                    + " admin: one or both; CSV (one line an hour) with ?format=csv or Accept: text/csv")
    @APIResponse(
            responseCode = "200",
            description = "The hours of the period.",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = Supervision.Trends.class)),
                @Content(mediaType = SupervisionCsv.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))
            })
    @GET
    @Path("trends")
    @Produces({MediaType.APPLICATION_JSON, SupervisionCsv.TEXT_CSV})
    public Response trends(
            @QueryParam("platform") String platform,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        var trends = supervision.trends(platform(platform), day("from", from, false), day("to", to, true));
        return answer(format, headers, trends, () -> SupervisionCsv.trends(trends), "trends");
    }

    /** JSON, or CSV when asked by {@code ?format=csv} or an {@code Accept} naming text/csv. */
    static Response answer(String format, HttpHeaders headers, Object json, Supplier<String> csv, String name) {
        boolean asCsv;
        if (format == null || format.isBlank()) {
            asCsv = headers.getAcceptableMediaTypes().stream()
                    .anyMatch(t -> "text".equals(t.getType()) && "csv".equals(t.getSubtype()));
        } else if ("csv".equalsIgnoreCase(format.strip())) {
            asCsv = true;
        } else if ("json".equalsIgnoreCase(format.strip())) {
            asCsv = false;
        } else {
            throw DomainException.invalid("invalid_format", "Format inconnu : json ou csv.");
        }
        if (!asCsv) {
            return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.ok(csv.get(), SupervisionCsv.TEXT_CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"supervision-" + name + ".csv\"")
                .build();
    }

    /** A Paris date (its start; the next day's when it ends a period) or an ISO instant. */
    static Instant day(String name, String value, boolean end) {
        if (value != null && value.strip().matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                LocalDate date = LocalDate.parse(value.strip());
                return (end ? date.plusDays(1) : date)
                        .atStartOfDay(HourlyVolumes.ZONE)
                        .toInstant();
            } catch (DateTimeParseException e) {
                throw DomainException.invalid("invalid_period", "Date invalide : " + name + ".");
            }
        }
        return instant(name, value);
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
