package fr.relais.anonymisation.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The narratives of corpus.jsonl and their expected spans, resolved with the matching rule of CORPUS.md. */
record Corpus(List<Narrative> narratives) {

    record Expected(EntityType type, int start, int end) {}

    record Narrative(String id, String text, ReporterIdentity reporter, List<Expected> expected) {}

    static Corpus load() {
        List<Narrative> narratives = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(Corpus.class.getResourceAsStream("/anonymisation/corpus.jsonl")),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    narratives.add(parse(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Corpus(List.copyOf(narratives));
    }

    private static Narrative parse(String line) {
        try (JsonReader json = Json.createReader(new StringReader(line))) {
            JsonObject o = json.readObject();
            String text = o.getString("text");
            ReporterIdentity reporter = ReporterIdentity.empty();
            if (o.containsKey("reporter")) {
                JsonObject r = o.getJsonObject("reporter");
                reporter = new ReporterIdentity(
                        r.getString("firstName", null),
                        r.getString("lastName", null),
                        r.getString("phone", null),
                        r.getString("email", null),
                        r.getString("address", null));
            }
            List<Expected> expected = new ArrayList<>();
            for (JsonObject e : o.getJsonArray("expected").getValuesAs(JsonObject.class)) {
                EntityType type = EntityType.valueOf(e.getString("type"));
                String value = e.getString("value");
                List<Integer> occurrences = occurrences(text, value);
                if (occurrences.isEmpty()) {
                    throw new IllegalStateException(o.getString("id") + ": '" + value + "' is not in the text");
                }
                if (e.containsKey("occurrence")) {
                    int n = e.getInt("occurrence");
                    occurrences = List.of(occurrences.get(n - 1));
                }
                for (int start : occurrences) {
                    expected.add(new Expected(type, start, start + value.length()));
                }
            }
            return new Narrative(o.getString("id"), text, reporter, List.copyOf(expected));
        }
    }

    /** Exact, case-sensitive occurrences not glued to a letter, digit or underscore. */
    static List<Integer> occurrences(String text, String value) {
        List<Integer> found = new ArrayList<>();
        for (int i = text.indexOf(value); i >= 0; i = text.indexOf(value, i + 1)) {
            boolean before = i == 0 || !isWord(value.charAt(0)) || !isWord(text.charAt(i - 1));
            int end = i + value.length();
            boolean after =
                    end == text.length() || !isWord(value.charAt(value.length() - 1)) || !isWord(text.charAt(end));
            if (before && after) {
                found.add(i);
            }
        }
        return found;
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
