package fr.relais.sla.api;

import fr.relais.shared.DomainException;
import fr.relais.shared.api.ApiDocumentation;
import fr.relais.shared.api.RetriedOnConflict;
import fr.relais.sla.boundary.AlertView;
import fr.relais.sla.boundary.Alerts;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The platform's alerts (missed service levels) as its supervisors follow and acknowledge them. */
@Tag(name = "Alerts", description = "Alerts raised by missed service levels, for the platform's supervisors.")
@SecurityRequirement(name = ApiDocumentation.BASIC)
@SecurityRequirement(name = ApiDocumentation.BEARER)
@Path("alerts")
@RequestScoped
@RetriedOnConflict
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {
    @EJB
    Alerts alerts;

    /** {@code state=open} (the default): newest first; {@code state=acknowledged}: most recently acknowledged first. */
    @Operation(
            operationId = "listAlerts",
            summary = "List the open or acknowledged alerts of the caller's platform (supervisors, admins)")
    @GET
    public List<AlertView> list(@QueryParam("state") String state) {
        if (state == null || state.equals("open")) {
            return alerts.open();
        }
        if (state.equals("acknowledged")) {
            return alerts.acknowledged();
        }
        throw DomainException.invalid("invalid_state", "État inconnu (open ou acknowledged).");
    }

    @Operation(
            operationId = "acknowledgeAlert",
            summary = "Acknowledge an alert of the caller's platform; twice is a conflict (supervisors, admins)")
    @POST
    @Path("{id}/acknowledge")
    public AlertView acknowledge(@PathParam("id") long id) {
        return alerts.acknowledge(id);
    }
}
