package fr.relais.orientation.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The practical sheets' ids and titles, from {@code fr/relais/portal/sheets.txt} (id, a tab, the title). */
public final class Sheets {
    public static final String RESOURCE = "fr/relais/portal/sheets.txt";

    private Sheets() {}

    /** The sheets by id, in the file's order; empty when the file is missing. */
    public static Map<String, String> load(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            return in == null ? Map.of() : read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> read(InputStream in) throws IOException {
        Map<String, String> sheets = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", 2);
            sheets.put(parts[0].strip(), parts.length > 1 ? parts[1].strip() : parts[0].strip());
        }
        return sheets;
    }
}
