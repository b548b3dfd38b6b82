package fr.relais.qualification.api;

import fr.relais.intake.boundary.Intake;
import fr.relais.qualification.boundary.CitizenReports;
import fr.relais.qualification.boundary.Qualifications;
import fr.relais.qualification.boundary.ReceiptStatus;
import fr.relais.qualification.boundary.ReportForm;
import fr.relais.shared.DomainException;
import fr.relais.shared.api.RetriedOnConflict;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The citizen's reports, public: a report made with the form (no chat, no account), and the follow-up
 * of any report, whose receipt reference is the only key and which tells only the stage.
 */
@Tag(
        name = "Citizen report",
        description = "Public: report facts with the form, and where a report is from its receipt reference.")
@SecurityRequirementsSet // public: the receipt reference is the key, not an account
@Path("citizen/reports")
@RequestScoped
@RetriedOnConflict
@Produces(MediaType.APPLICATION_JSON)
public class CitizenReportResource {
    @EJB
    Qualifications qualifications;

    @EJB
    CitizenReports citizenReports;

    @Operation(
            operationId = "submitCitizenReport",
            summary = "Report facts without a chat",
            description = "Public, no account. `category`: a nature of facts (e.g. `DRUG_TRAFFICKING`), which decides"
                    + " the platform. The place: `communeInsee` (then `postalCode` only when the commune has"
                    + " several), or `commune` and `postalCode`; `place` (200 characters) is free text. `when`:"
                    + " `unknown`, a date (`2026-11-27`) or a date and a time (`2026-11-27T21:30`) at the place of"
                    + " the facts, never in the future. `narrative`: 1 to 4,000 characters. Anonymous unless"
                    + " `anonymous` is false (then `lastName` at least, `firstName` optional); `phone` (a valid"
                    + " number, French without country code) and `email` are optional. A refusal names its field:"
                    + " `invalid_category`, `invalid_commune`, `postal_code_mismatch`, `invalid_postal_code`,"
                    + " `territory_not_covered`, `invalid_place`, `invalid_when`, `invalid_narrative`,"
                    + " `narrative_too_long`, `invalid_identity`, `invalid_phone`, `invalid_email`; nothing is"
                    + " stored. The answer is the receipt reference to quote and follow. Rate-limited per client"
                    + " address (429 `rate_limited` with `Retry-After`).")
    @APIResponse(
            responseCode = "201",
            description = "The report's receipt reference and its stage (`RECEIVED`).",
            content = @Content(schema = @Schema(implementation = ReceiptStatus.class)))
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(
            @Parameter(
                            description = "Optional, 16 to 200 visible ASCII characters (e.g. a UUID), kept 24 h: a"
                                    + " retry with the same key and form returns the same reference and makes"
                                    + " nothing; with another form, 422 `idempotency_key_reused`.")
                    @HeaderParam("Idempotency-Key")
                    String idempotencyKey,
            ReportForm form) {
        ReceiptStatus receipt;
        try {
            receipt = citizenReports.submit(form, idempotencyKey);
        } catch (DomainException e) {
            if (!Intake.IDEMPOTENCY_RACE.equals(e.code())) {
                throw e;
            }
            // a request with the same key was running: this new transaction finds what it made
            receipt = citizenReports.submit(form, idempotencyKey);
        }
        return Response.status(Response.Status.CREATED).entity(receipt).build();
    }

    @Operation(
            operationId = "getCitizenReportStatus",
            summary = "Where a report is, from its receipt reference",
            description = "Public. Case, spaces and dashes do not matter (`k7m4 q9px 3t` reads `K7M4-Q9PX-3T`)."
                    + " The answer is the stage only: `RECEIVED` (on the platform), `FORWARDED` (sent to the"
                    + " competent unit) or `TAKEN_OVER` (the unit took it over). An unknown or malformed"
                    + " reference gets the same 404.")
    @GET
    @Path("{reference}")
    public ReceiptStatus status(@PathParam("reference") String reference) {
        return qualifications.receiptStatus(reference);
    }
}
