package fr.relais.appointment.api;

import fr.relais.appointment.boundary.Appointments;
import fr.relais.appointment.boundary.UnitBooking;
import fr.relais.shared.api.ApiDocumentation;
import fr.relais.shared.api.RetriedOnConflict;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A unit's bookings, for the unit's own agents and administrators (auditors read). Another unit's do not exist for a unit agent (404).
 */
@Tag(name = "Unit appointments", description = "A unit's appointment slots and bookings.")
@SecurityRequirement(name = ApiDocumentation.BASIC)
@SecurityRequirement(name = ApiDocumentation.BEARER)
@Path("units/{code}/appointments")
@RequestScoped
@RetriedOnConflict
@Produces(MediaType.APPLICATION_JSON)
public class UnitBookingsResource {
    @EJB
    Appointments appointments;

    @Operation(
            operationId = "listUnitAppointments",
            summary = "List a unit's bookings (its agents, admins, auditors)",
            description = "Bookings whose slot starts on the local days `from` to `to` (yyyy-MM-dd, included;"
                    + " default the next 14 days, at most 31), cancelled ones included. The contact only for"
                    + " the unit's own agents.")
    @GET
    public List<UnitBooking> bookings(
            @PathParam("code") String code, @QueryParam("from") String from, @QueryParam("to") String to) {
        return appointments.bookings(code, from, to);
    }
}
