package fr.relais.directory.api;

import fr.relais.directory.boundary.UnitImports;
import fr.relais.directory.control.UnitChange;
import fr.relais.shared.api.ApiDocumentation;
import fr.relais.shared.api.RetriedOnConflict;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The directory of units as admins maintain it: import from CSV (checked whole, all or nothing,
 * recorded), the record of imports, and the export in the same format.
 */
@Tag(name = "Directory", description = "The directory of units, for administrators.")
@SecurityRequirement(name = ApiDocumentation.BASIC)
@SecurityRequirement(name = ApiDocumentation.BEARER)
@Path("units")
@RequestScoped
@RetriedOnConflict
public class UnitResource {
    static final String TEXT_CSV = "text/csv";

    @EJB
    UnitImports imports;

    /** What an accepted import did (or, for a dry run, would do). */
    public record ImportDone(
            Long importId, boolean dryRun, int added, int updated, int unchanged, List<UnitChange> changes) {}

    /** A refused line: its number (0 for the file as a whole), the stable reason code, the value at fault, and why in French. */
    public record BadLine(int line, String code, String value, String reason) {}

    /** The answer to a file with bad lines: nothing of it was imported. */
    @Schema(
            name = "InvalidLines",
            description = "A directory file refused (`invalid_lines`): an ApiError that lists every bad line.",
            requiredProperties = {"error", "message", "rejected", "lines"})
    public record InvalidLines(String error, String message, Long importId, int rejected, List<BadLine> lines) {}

    @Operation(
            operationId = "importUnits",
            summary = "Import units from CSV: add new codes, update existing ones, leave the others (admin)",
            description = "Same columns as reference/units.csv (`;`-separated, UTF-8, header line). Every line is"
                    + " checked first; one bad line refuses the whole file (422, every bad line listed)."
                    + " `dryRun=true` checks and answers the would-be changes without writing anything."
                    + " Applied and rejected attempts are recorded (see `GET /units/imports`).")
    @APIResponse(
            responseCode = "200",
            description = "Imported (or checked, for a dry run).",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ImportDone.class)))
    @APIResponse(
            responseCode = "422",
            description = "Bad lines (`invalid_lines`), every one listed with its number and reason: nothing"
                    + " imported. The attempt is recorded unless it was a dry run.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "InvalidLines")))
    @POST
    @Path("import")
    @Consumes({TEXT_CSV, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    public Response importUnits(
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @QueryParam("fileName") String fileName,
            byte[] body) {
        UnitImports.Outcome outcome = imports.importFile(fileName, body, dryRun);
        if (!outcome.problems().isEmpty()) {
            return Response.status(422)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(invalid(outcome))
                    .build();
        }
        return Response.ok(new ImportDone(
                        outcome.importId(),
                        outcome.dryRun(),
                        outcome.added(),
                        outcome.updated(),
                        outcome.unchanged(),
                        outcome.changes()))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    @Operation(operationId = "listUnitImports", summary = "The record of directory imports, newest first (admin)")
    @GET
    @Path("imports")
    @Produces(MediaType.APPLICATION_JSON)
    public List<UnitImports.ImportRecord> history(@QueryParam("limit") @DefaultValue("50") int limit) {
        return imports.history(limit);
    }

    @Operation(operationId = "exportUnits", summary = "The whole directory as CSV, in the import's format (admin)")
    @APIResponse(
            responseCode = "200",
            description = "The directory.",
            content =
                    @Content(
                            mediaType = TEXT_CSV,
                            schema =
                                    @Schema(
                                            type =
                                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                                            .STRING)))
    @GET
    @Produces(TEXT_CSV + ";charset=UTF-8")
    public Response export() {
        return Response.ok(imports.export())
                .header("Content-Disposition", "attachment; filename=\"units.csv\"")
                .build();
    }

    static InvalidLines invalid(UnitImports.Outcome outcome) {
        return new InvalidLines(
                "invalid_lines",
                ImportTexts.text("unitImport.invalid").replace("{0}", Integer.toString(outcome.rejected())),
                outcome.importId(),
                outcome.rejected(),
                outcome.problems().stream()
                        .map(p -> new BadLine(p.line(), p.reason(), p.value(), ImportTexts.reason(p)))
                        .toList());
    }
}
