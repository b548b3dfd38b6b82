package fr.relais.appointment.api;

import fr.relais.appointment.boundary.Appointments;
import fr.relais.appointment.boundary.Booked;
import fr.relais.appointment.boundary.BookingUnit;
import fr.relais.appointment.boundary.CitizenBooking;
import fr.relais.appointment.boundary.FreeSlot;
import fr.relais.intake.boundary.Intake;
import fr.relais.shared.DomainException;
import fr.relais.shared.api.ApiDocumentation;
import fr.relais.shared.api.RetriedOnConflict;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Appointment booking for citizens: public, no account; the booking code returned at booking is the
 * only key to the booking afterwards. Rate-limited per client address like the citizen's chat.
 */
@Tag(
        name = "Appointments",
        description = "Public appointment booking: free slots, booking, and the booking's code to look it up,"
                + " move or cancel it.")
@SecurityRequirementsSet // public: the booking code is the key, not an account
@Path("appointments")
@RequestScoped
@RetriedOnConflict
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AppointmentResource {
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    @EJB
    Appointments appointments;

    /** A new slot for a booking: its start, as listed by the free slots. */
    public record Move(String start) {}

    @Operation(
            operationId = "listAppointmentUnits",
            summary = "Find the units to book at near a postal code or a commune",
            description = "Public. `near`: a postal code (5 digits) or part of a commune's name; the units"
                    + " covering it, with `slots` true when they publish appointment slots.")
    @GET
    @Path("units")
    public List<BookingUnit> units(@QueryParam("near") String near) {
        return appointments.unitsNear(near);
    }

    @Operation(
            operationId = "listFreeAppointmentSlots",
            summary = "List a unit's free slots",
            description = "Public. `from`, `to`: local days (yyyy-MM-dd, Europe/Paris, included; default the"
                    + " next 14 days, at most 31). Only future slots within the booking horizon, with at"
                    + " least one desk free (`free`).")
    @GET
    @Path("slots")
    public List<FreeSlot> slots(
            @QueryParam("unit") String unit, @QueryParam("from") String from, @QueryParam("to") String to) {
        if (unit == null || unit.isBlank()) {
            throw DomainException.invalid("missing_unit", "Choisissez une unité.");
        }
        return appointments.freeSlots(unit, from, to);
    }

    @Operation(
            operationId = "bookAppointment",
            summary = "Book a free slot",
            description = "Public. `start`: the instant of a free slot; `kind`: PLAINTE or MAIN_COURANTE;"
                    + " `category`: THEFT, BURGLARY, FRAUD, VIOLENCE, HARASSMENT, DAMAGE, NEIGHBOURS_OR_FAMILY"
                    + " or OTHER; `contact`: an e-mail address or a phone number. Keep the returned `code`:"
                    + " it alone gives access to the booking. 409 `slot_taken` when the slot was just taken,"
                    + " 409 `too_many_bookings` when the contact already holds RELAIS_BOOKINGS_PER_CONTACT"
                    + " future bookings.")
    @APIResponse(
            responseCode = "201",
            description = "The booking and its code.",
            content = @Content(schema = @Schema(implementation = Booked.class)))
    @APIResponse(responseCode = "409", ref = ApiDocumentation.CONFLICT)
    @POST
    public Response book(
            @Parameter(
                            description = "Optional, 16 to 200 visible ASCII characters (e.g. a UUID), kept 24 h:"
                                    + " a retry with the same key and body returns the first booking and its"
                                    + " code and books nothing; with another body, 422"
                                    + " `idempotency_key_reused`.")
                    @HeaderParam(IDEMPOTENCY_HEADER)
                    String idempotencyKey,
            Appointments.BookingRequest request) {
        Booked booked;
        try {
            booked = appointments.book(request, idempotencyKey);
        } catch (DomainException e) {
            if (!Intake.IDEMPOTENCY_RACE.equals(e.code())) {
                throw e;
            }
            booked = appointments.book(request, idempotencyKey);
        }
        return Response.status(Response.Status.CREATED).entity(booked).build();
    }

    @Operation(operationId = "getAppointment", summary = "Look a booking up with its code")
    @GET
    @Path("{code}")
    public CitizenBooking find(@PathParam("code") String code) {
        return appointments.find(code);
    }

    @Operation(
            operationId = "cancelAppointment",
            summary = "Cancel a booking with its code",
            description = "The slot is free again; cancelling a cancelled booking changes nothing. 409"
                    + " `booking_past` once the slot has started.")
    @DELETE
    @Path("{code}")
    public CitizenBooking cancel(@PathParam("code") String code) {
        return appointments.cancel(code);
    }

    @Operation(
            operationId = "moveAppointment",
            summary = "Move a booking to another free slot of the same unit",
            description = "The booking keeps its code. 409 `slot_taken`, `booking_cancelled` or `booking_past`.")
    @POST
    @Path("{code}/move")
    public CitizenBooking move(@PathParam("code") String code, Move move) {
        if (move == null) {
            throw DomainException.invalid("invalid_body", "Corps de requête manquant.");
        }
        return appointments.move(code, move.start());
    }
}
