package fr.relais.intake.control;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * When a citizen's silence abandons a conversation: after {@code timeout} without a citizen message,
 * counted from their last message or from when the current holder received the chat, whichever is
 * later. The timeout is configured ({@code RELAIS_CHAT_SILENCE_TIMEOUT}, ISO-8601, default 15 minutes),
 * optionally per topic ({@code RELAIS_CHAT_SILENCE_TIMEOUT_BY_TOPIC}: {@code topic=PT30M,other=PT5M}).
 */
public final class Silence {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(15);

    private final Duration timeout;
    private final Map<String, Duration> byTopic;

    public Silence(Duration timeout, Map<String, Duration> byTopic) {
        this.timeout = timeout;
        this.byTopic = Map.copyOf(byTopic);
    }

    /** Reads the configured values; a malformed one fails the start rather than a timer later. */
    public static Silence configured(String timeout, String byTopic) {
        Duration fallback = timeout == null || timeout.isBlank() ? DEFAULT_TIMEOUT : parse(timeout);
        Map<String, Duration> topics = new HashMap<>();
        if (byTopic != null && !byTopic.isBlank()) {
            for (String entry : byTopic.split(",")) {
                int eq = entry.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("topic=duration expected: " + entry);
                }
                topics.put(
                        entry.substring(0, eq).trim(),
                        parse(entry.substring(eq + 1).trim()));
            }
        }
        return new Silence(fallback, topics);
    }

    private static Duration parse(String value) {
        try {
            Duration d = Duration.parse(value.trim());
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("a silence timeout must be positive: " + value);
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("ISO-8601 duration expected (PT15M): " + value, e);
        }
    }

    public Duration timeoutFor(String topic) {
        return topic == null ? timeout : byTopic.getOrDefault(topic, timeout);
    }

    /** The moment the conversation counts as abandoned if the citizen stays silent. */
    public Instant deadline(String topic, Instant lastCitizenMessage, Instant heldSince) {
        Instant from = heldSince;
        if (lastCitizenMessage != null && (from == null || lastCitizenMessage.isAfter(from))) {
            from = lastCitizenMessage;
        }
        return from.plus(timeoutFor(topic));
    }

    /** The time left until the deadline, in whole seconds rounded up, at least one second. */
    public Duration remaining(String topic, Instant lastCitizenMessage, Instant heldSince, Instant now) {
        Duration left = Duration.between(now, deadline(topic, lastCitizenMessage, heldSince));
        long seconds = (left.toMillis() + 999) / 1000;
        return Duration.ofSeconds(Math.max(1, seconds));
    }

    public boolean isSilent(String topic, Instant lastCitizenMessage, Instant heldSince, Instant now) {
        return !now.isBefore(deadline(topic, lastCitizenMessage, heldSince));
    }
}
