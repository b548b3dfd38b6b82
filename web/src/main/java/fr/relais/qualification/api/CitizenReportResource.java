package fr.relais.qualification.api;

import fr.relais.qualification.boundary.Qualifications;
import fr.relais.qualification.boundary.ReceiptStatus;
import fr.relais.shared.api.RetriedOnConflict;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public follow-up of a report: its receipt reference is the only key, and it tells only the stage. */
@Tag(name = "Citizen report", description = "Public: where a report is, from its receipt reference.")
@SecurityRequirementsSet // public: the receipt reference is the key, not an account
@Path("citizen/reports")
@RequestScoped
@RetriedOnConflict
@Produces(MediaType.APPLICATION_JSON)
public class CitizenReportResource {
    @EJB
    Qualifications qualifications;

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
