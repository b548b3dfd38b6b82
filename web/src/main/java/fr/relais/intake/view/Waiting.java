package fr.relais.intake.view;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a chat has waited, and how urgent that looks on the queue: amber from 60 s (the
 * model's warning), red from 120 s (its escalation, the service's target to take a chat in charge).
 */
public final class Waiting {
    static final long AMBER_FROM = 60;
    static final long RED_FROM = 120;

    private Waiting() {}

    public static long seconds(Instant since, Instant now) {
        return Math.max(0, Duration.between(since, now).toSeconds());
    }

    /** The CSS class marking a waiting time. */
    public static String marker(long seconds) {
        if (seconds >= RED_FROM) {
            return "waiting-red";
        }
        return seconds >= AMBER_FROM ? "waiting-amber" : "waiting-ok";
    }
}
