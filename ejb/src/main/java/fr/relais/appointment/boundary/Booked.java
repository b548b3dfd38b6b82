package fr.relais.appointment.boundary;

import java.io.Serializable;

/** A new booking and its code: the code is shown once, only a hash of it is kept. */
public record Booked(String code, CitizenBooking booking) implements Serializable {}
