package fr.relais.qualification.api;

import fr.relais.qualification.boundary.DecisionTables;
import fr.relais.shared.api.ApiDocumentation;
import fr.relais.shared.api.RetriedOnConflict;
import fr.relais.workflow.Workflow;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** New versions of the decision tables (priority, service levels, unit kind, validation), for administrators. */
@Tag(name = "Decision tables", description = "New versions of the DMN decision tables, for administrators.")
@SecurityRequirement(name = ApiDocumentation.BASIC)
@SecurityRequirement(name = ApiDocumentation.BEARER)
@Path("decision-tables")
@RequestScoped
@RetriedOnConflict
public class DecisionTableResource {
    @EJB
    DecisionTables tables;

    /**
     * Deploys the posted DMN file (one of Priority, ServiceLevels, UnitKind, Validation) as the table's new
     * version: reports qualified from now on use it, reports already running keep theirs.
     */
    @Operation(
            operationId = "deployDecisionTable",
            summary = "Deploy a new version of a decision table (administrator)")
    @POST
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    public Workflow.DeployedTable deploy(byte[] dmn) {
        return tables.deploy(dmn);
    }
}
