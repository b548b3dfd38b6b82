package fr.relais.audit.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical form of an audit event, and its hash. Version 1 (stored with each event in {@code
 * form}) is one line of JSON with no white space, keys sorted by their UTF-16 code units, strings
 * escaped as JSON requires and nothing more ({@code "}, {@code \}, control characters as {@code
 * \}{@code uXXXX} except {@code \n \r \t}), whole numbers in decimal, instants ISO-8601 in UTC truncated
 * to the microsecond (what the database keeps):
 *
 * <pre>{"actor":…,"actorRole":…,"at":…,"chain":…,"chatId":…,"fields":{…},"form":1,"kind":…,"prev":…,"reportId":…,"seq":…}</pre>
 *
 * The hash is SHA-256 of that text's UTF-8 bytes, in lower-case hex. The first event of a chain has
 * {@link #GENESIS} as its previous hash. A field holding an encrypted value (the privacy issue's data
 * keys) goes in as stored (its ciphertext), so destroying the key leaves the chain verifiable.
 */
public final class CanonicalForm {
    public static final int VERSION = 1;
    public static final String GENESIS = "0".repeat(64);

    private CanonicalForm() {}

    /** What an event is made of, before its hash. */
    public record Event(
            String chain,
            long seq,
            Instant at,
            String actor,
            String actorRole,
            String kind,
            Long reportId,
            Long chatId,
            String fields,
            String prev) {}

    /** The instant as stored: truncated to the microsecond. */
    public static Instant stored(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    public static String text(Event e) {
        Map<String, Object> all = new TreeMap<>();
        all.put("actor", e.actor());
        all.put("actorRole", e.actorRole());
        all.put("at", stored(e.at()).toString());
        all.put("chain", e.chain());
        all.put("chatId", e.chatId());
        all.put("fields", new Raw(e.fields()));
        all.put("form", (long) VERSION);
        all.put("kind", e.kind());
        all.put("prev", e.prev());
        all.put("reportId", e.reportId());
        all.put("seq", e.seq());
        return json(all);
    }

    public static String hash(Event e) {
        return sha256(text(e));
    }

    /** The canonical JSON of an event's fields: keys sorted, values strings, whole numbers, booleans, lists or nested maps. */
    public static String fields(Map<String, ?> fields) {
        return json(fields == null ? Map.of() : fields);
    }

    /** The hash over chain heads sorted by key, one {@code key seq hash} line each. */
    public static String headsHash(Iterable<String> sortedHeadLines) {
        StringBuilder all = new StringBuilder();
        for (String line : sortedHeadLines) {
            all.append(line).append('\n');
        }
        return sha256(all.toString());
    }

    public static String headLine(String chain, long seq, String hash) {
        return chain + " " + seq + " " + hash;
    }

    /** An anchor's hash: form, day, chains, heads hash and the previous anchor's hash. */
    public static String anchorHash(String day, long chains, String headsHash, String prev) {
        return sha256("anchor/" + VERSION + "|" + day + "|" + chains + "|" + headsHash + "|" + prev);
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Text already in canonical JSON, put in as it is. */
    private record Raw(String json) {}

    private static String json(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Raw raw) {
            out.append(raw.json());
        } else if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            out.append(((Number) value).longValue());
        } else if (value instanceof Enum<?> en) {
            string(out, en.name());
        } else if (value instanceof Instant instant) {
            string(out, stored(instant).toString());
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            out.append('{');
            boolean first = true;
            for (var entry : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, entry.getKey());
                out.append(':');
                write(out, entry.getValue());
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(out, item);
            }
            out.append(']');
        } else {
            // anything else (a decimal, a date) as its text: canonical only if its toString is
            string(out, value.toString());
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
