package fr.relais.appointment.boundary;

import java.io.Serializable;
import java.time.Instant;

/**
 * A booking as its code's holder sees it: where, when, what for, and whether it still holds. Not the
 * contact: whoever holds the code learns nothing of the person.
 */
public record CitizenBooking(
        String unit,
        String unitName,
        String unitAddress,
        Instant start,
        Instant end,
        String localStart,
        String kind,
        String category,
        String status)
        implements Serializable {}
