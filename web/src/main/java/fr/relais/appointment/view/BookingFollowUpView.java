package fr.relais.appointment.view;

import fr.relais.appointment.boundary.Appointments;
import fr.relais.appointment.boundary.CitizenBooking;
import fr.relais.appointment.boundary.FreeSlot;
import fr.relais.shared.DomainException;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A citizen's booking from its code ({@code /citoyen/rendez-vous-suivi.xhtml}): looked up, cancelled,
 * or moved to another free slot of the same unit. The code is posted, never put in the address.
 */
@Named
@ViewScoped
public class BookingFollowUpView implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @EJB
    Appointments appointments;

    private String code;
    private CitizenBooking booking;
    private List<FreeSlot> slots;
    private String start;
    private String error;
    private String done;

    public void lookUp() {
        clear();
        try {
            booking = appointments.find(code);
        } catch (DomainException e) {
            booking = null;
            error = e.getMessage();
        }
    }

    public void cancel() {
        clear();
        try {
            booking = appointments.cancel(code);
            done = "appt.followUp.cancelled";
        } catch (DomainException e) {
            error = e.getMessage();
        }
    }

    public void showSlots() {
        clear();
        try {
            LocalDate today = LocalDate.now(PARIS);
            slots = appointments.freeSlots(
                    booking.unit(), today.toString(), today.plusDays(27).toString());
        } catch (DomainException e) {
            error = e.getMessage();
        }
    }

    public void move() {
        clear();
        try {
            booking = appointments.move(code, start);
            slots = null;
            done = "appt.followUp.moved";
        } catch (DomainException e) {
            error = e.getMessage();
        }
    }

    private void clear() {
        error = null;
        done = null;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public CitizenBooking getBooking() {
        return booking;
    }

    public List<FreeSlot> getSlots() {
        return slots;
    }

    public String getStart() {
        return start;
    }

    public void setStart(String start) {
        this.start = start;
    }

    public String getError() {
        return error;
    }

    public String getDone() {
        return done;
    }
}
