package fr.relais.appointment.boundary;

import java.io.Serializable;
import java.time.Instant;

/**
 * A booking as the unit sees it; {@code contact} only for the unit's own agents (null for an
 * administrator or an auditor, and once erased at retention).
 */
public record UnitBooking(
        long id,
        Instant start,
        Instant end,
        String localStart,
        int desk,
        String kind,
        String category,
        String status,
        String contact)
        implements Serializable {}
