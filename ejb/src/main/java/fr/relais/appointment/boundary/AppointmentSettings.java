package fr.relais.appointment.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Booking settings: how many future bookings one contact may hold ({@code RELAIS_BOOKINGS_PER_CONTACT},
 * 2) and how far ahead a slot may be booked ({@code RELAIS_BOOKING_HORIZON_DAYS}, 180).
 */
@ApplicationScoped
public class AppointmentSettings {
    @Inject
    @ConfigProperty(name = "RELAIS_BOOKINGS_PER_CONTACT", defaultValue = "2")
    int bookingsPerContact;

    @Inject
    @ConfigProperty(name = "RELAIS_BOOKING_HORIZON_DAYS", defaultValue = "180")
    int horizonDays;

    public int bookingsPerContact() {
        return bookingsPerContact;
    }

    public int horizonDays() {
        return horizonDays;
    }
}
