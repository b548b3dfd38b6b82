package fr.relais.appointment.boundary;

import java.io.Serializable;
import java.time.Instant;

/** A slot with at least one desk free: its instants, its local start (unit's time) and how many desks are free. */
public record FreeSlot(Instant start, Instant end, String localStart, int free) implements Serializable {}
