package fr.relais.intake.control;

import fr.relais.intake.boundary.ChatEvent;
import fr.relais.shared.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A {@link ChatEvent} as text for the data grid: {@code {"origin": <instance>, "type": <record's
 * simple name>, "event": <the record as JSON>}}. Text rather than Java serialisation, so the grid's
 * threads never load the application's classes, and any record added to the sealed interface
 * travels without more code. An unknown type (a newer instance during a rolling upgrade) decodes
 * to null.
 */
public final class ChatEventCodec implements AutoCloseable {
    /** What came from the grid: who published it and what happened. */
    public record Envelope(String origin, ChatEvent event) {}

    private static final Map<String, Class<?>> TYPES = Arrays.stream(ChatEvent.class.getPermittedSubclasses())
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private final Jsonb jsonb = JsonbBuilder.create();

    public String encode(String origin, ChatEvent event) {
        String body = jsonb.toJson(event);
        return Jsonp.createObjectBuilder()
                .add("origin", origin)
                .add("type", event.getClass().getSimpleName())
                .add("event", Jsonp.createReader(new StringReader(body)).readObject())
                .build()
                .toString();
    }

    /** The envelope, or null when the text is no envelope this version knows. */
    public Envelope decode(String text) {
        try (var reader = Jsonp.createReader(new StringReader(text))) {
            JsonObject envelope = reader.readObject();
            Class<?> type = TYPES.get(envelope.getString("type", ""));
            if (type == null
                    || !(envelope.get("origin") instanceof JsonString origin)
                    || !(envelope.get("event") instanceof JsonObject event)) {
                return null;
            }
            return new Envelope(origin.getString(), (ChatEvent) jsonb.fromJson(event.toString(), type));
        } catch (JsonParsingException | ClassCastException e) {
            return null;
        }
    }

    @Override
    public void close() throws Exception {
        jsonb.close();
    }
}
