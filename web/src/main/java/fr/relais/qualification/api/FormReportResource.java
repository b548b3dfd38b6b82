package fr.relais.qualification.api;

import fr.relais.qualification.boundary.CitizenReports;
import fr.relais.qualification.boundary.FormReportCase;
import fr.relais.shared.api.ApiDocumentation;
import fr.relais.shared.api.RetriedOnConflict;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reports received by the public form that wait for an operator of the caller's platform to check them. */
@Tag(name = "Reports", description = "Qualification, review, forwarding and the unit's decision.")
@SecurityRequirement(name = ApiDocumentation.BASIC)
@SecurityRequirement(name = ApiDocumentation.BEARER)
@Path("reports/from-forms")
@RequestScoped
@RetriedOnConflict
@Produces(MediaType.APPLICATION_JSON)
public class FormReportResource {
    @EJB
    CitizenReports citizenReports;

    @Operation(
            operationId = "listFormReportsToCheck",
            summary = "List the reports received by the public form that no operator has checked yet",
            description = "Operators and supervisors, their platform's only, oldest first. Any operator of the"
                    + " platform qualifies one (`PUT /reports/{id}/qualification`), and it becomes theirs; the"
                    + " citizen's statement is in `GET /reports/{id}` (`statement`).")
    @GET
    public List<FormReportCase> awaitingOperator() {
        return citizenReports.awaitingOperator();
    }
}
