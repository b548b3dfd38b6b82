package fr.relais.forwarding.api;

import fr.relais.forwarding.boundary.Deliveries;
import fr.relais.forwarding.boundary.DeliveryStatus;
import fr.relais.shared.api.ApiDocumentation;
import fr.relais.shared.api.RetriedOnConflict;
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

/** Deliveries to units' systems as admins follow them: the failed ones, a report's, and the retry. */
@Tag(name = "Delivery", description = "Delivery of forwarded reports to units' own systems.")
@SecurityRequirement(name = ApiDocumentation.BASIC)
@SecurityRequirement(name = ApiDocumentation.BEARER)
@Path("deliveries")
@RequestScoped
@RetriedOnConflict
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {
    @EJB
    Deliveries deliveries;

    @Operation(
            operationId = "listDeliveries",
            summary = "List the failed deliveries, or a report's deliveries with reportId (admin)")
    @GET
    public List<DeliveryStatus> list(@QueryParam("reportId") Long reportId) {
        return reportId == null ? deliveries.failed() : deliveries.ofReport(reportId);
    }

    @Operation(operationId = "getDelivery", summary = "Read a delivery (admin)")
    @GET
    @Path("{id}")
    public DeliveryStatus get(@PathParam("id") long id) {
        return deliveries.delivery(id);
    }

    @Operation(
            operationId = "retryDelivery",
            summary = "Run a failed delivery again, now, with the same idempotency key (admin)")
    @POST
    @Path("{id}/retry")
    public DeliveryStatus retry(@PathParam("id") long id) {
        return deliveries.retry(id);
    }
}
