package fr.relais.appointment.boundary;

import java.io.Serializable;

/** A unit a citizen may book at: its public details (directory data), and whether it publishes slots. */
public record BookingUnit(
        String code, String name, String commune, String address, String phone, String openingHours, boolean slots)
        implements Serializable {}
