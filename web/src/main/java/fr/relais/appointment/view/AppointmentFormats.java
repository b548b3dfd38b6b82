package fr.relais.appointment.view;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the public pages write an appointment's time: in words, in the unit's local time. */
@Named
@ApplicationScoped
public class AppointmentFormats {
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern(
                    "EEEE d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE)
            .withZone(ZoneId.of("Europe/Paris"));

    public String when(Instant instant) {
        return instant == null ? "" : LONG.format(instant);
    }
}
