package fr.relais.appointment.api;

import fr.relais.appointment.boundary.AppointmentPattern;
import fr.relais.appointment.boundary.Appointments;
import fr.relais.shared.api.ApiDocumentation;
import fr.relais.shared.api.RetriedOnConflict;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A unit's appointment pattern (its bookings: {@link UnitBookingsResource}), for the unit's own agents and
 * administrators (auditors read). Another unit's do not exist for a unit agent (404).
 */
@Tag(name = "Unit appointments", description = "A unit's appointment slots and bookings.")
@SecurityRequirement(name = ApiDocumentation.BASIC)
@SecurityRequirement(name = ApiDocumentation.BEARER)
// not "units/{code}": that root would take /units/import and /units/imports from UnitResource (404)
@Path("units/{code}/appointment-pattern")
@RequestScoped
@RetriedOnConflict
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UnitAppointmentResource {
    @EJB
    Appointments appointments;

    @Operation(
            operationId = "getAppointmentPattern",
            summary = "Read a unit's appointment pattern (its agents, admins, auditors)")
    @GET
    public AppointmentPattern pattern(@PathParam("code") String code) {
        return appointments.pattern(code);
    }

    @Operation(
            operationId = "setAppointmentPattern",
            summary = "Replace a unit's appointment pattern (its agents, admins)",
            description = "Weekly openings (`day` MONDAY…SUNDAY, `from`, `to` as HH:mm in the unit's local time"
                    + " Europe/Paris, `slotMinutes` 5 to 240, `desks` 1 to 20, default 1) and exceptions"
                    + " (`date` yyyy-MM-dd, `closed` true, or extra openings with times). Bookings already"
                    + " made keep their slots.")
    @PUT
    public AppointmentPattern replace(@PathParam("code") String code, AppointmentPattern pattern) {
        return appointments.replacePattern(code, pattern);
    }
}
