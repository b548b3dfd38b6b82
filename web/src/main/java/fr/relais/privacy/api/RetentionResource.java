package fr.relais.privacy.api;

import fr.relais.privacy.boundary.Retention;
import fr.relais.privacy.boundary.Seals;
import fr.relais.shared.api.ApiDocumentation;
import fr.relais.shared.api.RetriedOnConflict;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Retention and data keys, for administrators. */
@Tag(name = "Privacy", description = "Retention of personal data and master key rotation, for administrators.")
@SecurityRequirement(name = ApiDocumentation.BASIC)
@SecurityRequirement(name = ApiDocumentation.BEARER)
@Path("retention")
@RequestScoped
@RetriedOnConflict
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class RetentionResource {
    @EJB
    Retention retention;

    @EJB
    Seals seals;

    /** How many data keys were rewrapped with the current master key. */
    public record Rewrapped(int keys) {}

    @Operation(
            operationId = "runRetention",
            summary = "Erase the personal data past retention now (admin)",
            description = "Reports closed and conversations ended more than RELAIS_RETENTION ago: data key destroyed,"
                    + " texts and identities cleared. `now` (ISO-8601 instant) is accepted only where"
                    + " RELAIS_CLOCK_OVERRIDE_ALLOWED=true (test servers); elsewhere 400 clock_override_refused.")
    @POST
    @Path("run")
    public Retention.Run run(@QueryParam("now") String now) {
        return retention.runAsAdmin(now);
    }

    @Operation(
            operationId = "rewrapDataKeys",
            summary = "Rewrap every data key with the current master key (admin)",
            description = "After RELAIS_MASTER_KEY_ID names a new key: older master keys can then be retired.")
    @POST
    @Path("rewrap")
    public Rewrapped rewrap() {
        return new Rewrapped(seals.rewrap());
    }
}
