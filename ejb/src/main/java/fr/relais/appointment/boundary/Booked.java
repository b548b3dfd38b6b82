package fr.relais.appointment.boundary;

/** A new booking and its code: the code is shown once, only a hash of it is kept. */
public record Booked(String code, CitizenBooking booking) {}
