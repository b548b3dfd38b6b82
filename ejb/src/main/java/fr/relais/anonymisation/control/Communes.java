package fr.relais.anonymisation.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The names of French communes (the reference list the qualification of facts uses, {@code /reference/communes.tsv.gz}),
 * folded, so that the place of the facts is not taken for a person's name.
 */
final class Communes {

    private static final String RESOURCE = "/reference/communes.tsv.gz";

    private static final class Holder {
        static final Set<String> NAMES = load();
    }

    private Communes() {}

    /** Whether {@code name} (any case, accents, hyphens or spaces) is the name of a commune. */
    static boolean contains(String name) {
        return Holder.NAMES.contains(key(name));
    }

    private static String key(String name) {
        return Texts.fold(name).replaceAll("[\\s\\-'’]+", " ").strip();
    }

    private static Set<String> load() {
        Set<String> names = new HashSet<>();
        try (InputStream raw = Objects.requireNonNull(Communes.class.getResourceAsStream(RESOURCE), RESOURCE);
                BufferedReader reader =
                        new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String[] fields = line.split("\t", -1);
                if (fields.length > 3 && fields[0].equals("C")) {
                    names.add(key(fields[3]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(names);
    }
}
