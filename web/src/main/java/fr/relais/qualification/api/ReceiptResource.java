package fr.relais.qualification.api;

import fr.relais.qualification.boundary.Qualifications;
import fr.relais.shared.api.ApiDocumentation;
import fr.relais.shared.api.RetriedOnConflict;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Staff find a report by the receipt reference a citizen quotes. A resource of its own, not under
 * {@code reports/}, whose {@code {id}/…} paths a second path parameter would make ambiguous.
 */
@Tag(name = "Reports", description = "Qualification, review, forwarding and the unit's decision.")
@SecurityRequirement(name = ApiDocumentation.BASIC)
@SecurityRequirement(name = ApiDocumentation.BEARER)
@Path("receipts")
@RequestScoped
@RetriedOnConflict
@Produces(MediaType.APPLICATION_JSON)
public class ReceiptResource {
    @EJB
    Qualifications qualifications;

    @Inject
    ReportResource reports;

    @Operation(
            operationId = "getReportByReceipt",
            summary = "Find a report by its receipt reference",
            description = "Case, spaces and dashes do not matter. The answer is `GET /reports/{id}`'s: the"
                    + " projection of the caller's audience, in the caller's scope; a report of another platform"
                    + " or unit, an unknown and a malformed reference all answer the same 404.")
    @GET
    @Path("{reference}")
    public Object report(@PathParam("reference") String reference) {
        return reports.get(qualifications.idByReference(reference));
    }
}
