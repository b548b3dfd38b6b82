package fr.relais.orientation.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The practical sheets, read from {@value #INDEX} (one id and title a line) and one {@code
 * sheets/<id>.md} each, checked whole when read: an id without its text, a blank title or a duplicate
 * id refuses the lot. Searched on title and text, accents and case aside.
 */
public final class SheetLibrary {
    public static final String FOLDER = "fr/relais/portal/";
    public static final String INDEX = FOLDER + "sheets.txt";
    public static final int MAX_QUERY = 100;

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");

    private record Entry(Sheet sheet, String titleKey, String textKey) {}

    private final Map<String, Entry> sheets;

    private SheetLibrary(Map<String, Entry> sheets) {
        this.sheets = sheets;
    }

    /** Reads the sheets through {@code open}, which gives a resource's content by its path (null when absent). */
    public static SheetLibrary read(Function<String, InputStream> open) {
        Map<String, Entry> sheets = new LinkedHashMap<>();
        for (String line : lines(open, INDEX)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 2 || !ID.matcher(f[0]).matches() || f[1].isBlank()) {
                throw new IllegalStateException("Bad line in " + INDEX + ": " + line);
            }
            String id = f[0];
            String title = f[1].strip();
            String markdown = String.join("\n", lines(open, FOLDER + "sheets/" + id + ".md"));
            if (markdown.isBlank()) {
                throw new IllegalStateException("Empty sheet " + id);
            }
            String text = SafeMarkdown.toText(markdown);
            var sheet = new Sheet(id, title, summary(markdown), markdown, SafeMarkdown.toHtml(markdown));
            if (sheets.put(id, new Entry(sheet, key(title), key(text))) != null) {
                throw new IllegalStateException("Duplicate sheet id " + id);
            }
        }
        if (sheets.isEmpty()) {
            throw new IllegalStateException("No sheet in " + INDEX);
        }
        return new SheetLibrary(sheets);
    }

    private static List<String> lines(Function<String, InputStream> open, String path) {
        try (InputStream in = open.apply(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + path);
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first paragraph that is not a heading or a list, as plain text. */
    private static String summary(String markdown) {
        for (String block : markdown.replace("\r", "").split("\n\\s*\n")) {
            String b = block.strip();
            if (!b.isEmpty() && !b.startsWith("#") && !b.startsWith("-") && !b.matches("(?s)\\d{1,2}[.)]\\s.*")) {
                return SafeMarkdown.toText(b).replace('\n', ' ').strip();
            }
        }
        return "";
    }

    /** Lower case, no accents, words separated by one space, with a space at both ends. */
    static String key(String text) {
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
                .replaceAll("")
                .replace("œ", "oe")
                .replace("Œ", "oe")
                .replace("æ", "ae")
                .toLowerCase(Locale.ROOT);
        return " " + NOT_ALNUM.matcher(plain).replaceAll(" ").strip() + " ";
    }

    public List<Sheet> all() {
        return sheets.values().stream().map(Entry::sheet).toList();
    }

    public Optional<Sheet> byId(String id) {
        return Optional.ofNullable(id == null ? null : sheets.get(id.strip())).map(Entry::sheet);
    }

    /**
     * The sheets whose title or text has every word of the query (as a word or the start of one;
     * accents and case aside), those with a word in the title first, then in the list's order. A
     * blank query gives every sheet.
     */
    public List<Sheet> search(String query) {
        String q = query == null ? "" : key(query).strip();
        if (q.isEmpty()) {
            return all();
        }
        List<String> words = Arrays.stream(q.split(" ")).map(w -> " " + w).toList();
        List<Entry> found = new ArrayList<>();
        for (Entry e : sheets.values()) {
            if (words.stream()
                    .allMatch(w -> e.titleKey().contains(w) || e.textKey().contains(w))) {
                found.add(e);
            }
        }
        return found.stream()
                .sorted(Comparator.comparing(
                        (Entry e) -> words.stream()
                                .filter(w -> e.titleKey().contains(w))
                                .count(),
                        Comparator.reverseOrder()))
                .map(Entry::sheet)
                .toList();
    }

    public int size() {
        return sheets.size();
    }
}
