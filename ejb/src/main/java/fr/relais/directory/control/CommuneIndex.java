package fr.relais.directory.control;

import fr.relais.shared.DomainException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The official list of French communes, held in memory from {@value #RESOURCE} (built by {@code
 * tools/communes/build.mjs} from {@code @etalab/decoupage-administratif}): lookup by INSEE code,
 * search by name or postal code, and validation of a place given by a report.
 */
public final class CommuneIndex {
    public static final String RESOURCE = "/reference/communes.tsv.gz";
    public static final int MAX_RESULTS = 20;
    public static final int MAX_QUERY = 60;

    private static final Pattern DIGITS = Pattern.compile("\\d{2,5}");
    private static final Pattern INSEE = Pattern.compile("(?i)\\d{5}|2[AB]\\d{3}");
    private static final Pattern POSTAL_CODE = Pattern.compile("\\d{5}");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final String source;
    private final List<Entry> entries;
    private final Map<String, Commune> byInsee;
    /** Communes by their name's key, in order of preference: a report's place is resolved by name. */
    private final Map<String, List<Commune>> byKey;

    private final NavigableMap<String, List<Commune>> byPostalCode;
    private final Map<String, String> departmentZones;

    /**
     * A commune with its search keys: its name's key, and the same preceded by a space (so that a
     * word start is " " + query).
     */
    private record Entry(Commune commune, String key, String spacedKey) {
        Entry(Commune commune, String key) {
            this(commune, key, " " + key);
        }
    }

    private CommuneIndex(String source, List<Entry> entries, Map<String, String> departmentZones) {
        this.source = source;
        // in order of preference once, so that a search keeps the first matches it meets
        this.entries = entries.stream()
                .sorted(Comparator.comparing(Entry::commune, PREFERENCE))
                .toList();
        this.departmentZones = Map.copyOf(departmentZones);
        Map<String, Commune> index = new HashMap<>();
        for (Entry e : entries) {
            // Where a delegated commune shares its parent's code, the code names the current commune
            index.merge(e.commune().insee(), e.commune(), (a, b) -> a.type() == Commune.Type.CURRENT ? a : b);
        }
        this.byInsee = Map.copyOf(index);
        var postal = new TreeMap<String, List<Commune>>();
        for (Entry e : this.entries) { // in order of preference
            for (String code : e.commune().postalCodes()) {
                postal.computeIfAbsent(code, c -> new ArrayList<>()).add(e.commune());
            }
        }
        this.byPostalCode = Collections.unmodifiableNavigableMap(postal);
        Map<String, List<Commune>> named = new HashMap<>();
        for (Entry e : this.entries) { // in order of preference
            named.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e.commune());
        }
        named.replaceAll((k, communes) -> List.copyOf(communes));
        this.byKey = Map.copyOf(named);
    }

    /** Reads the resource shipped with the application. */
    public static CommuneIndex load() {
        try (InputStream in = CommuneIndex.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CommuneIndex read(InputStream gzipped) throws IOException {
        var reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(gzipped), StandardCharsets.UTF_8));
        String source = null;
        Map<String, String> regions = new HashMap<>();
        Map<String, String[]> departments = new HashMap<>();
        Map<String, String> epcis = new HashMap<>();
        List<String[]> rows = new ArrayList<>(40_000);
        Map<String, String> currentNames = new HashMap<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "V" -> source = f[1] + " " + f[2];
                case "R" -> regions.put(f[1], f[2]);
                case "D" -> departments.put(f[1], f);
                case "E" -> epcis.put(f[1], f[2]);
                case "C" -> {
                    rows.add(f);
                    if (f[2].equals("A")) {
                        currentNames.put(f[1], f[3]);
                    }
                }
                default -> throw new IllegalStateException("Unknown record " + f[0]);
            }
        }
        Map<String, List<String>> currentPostalCodes = new HashMap<>();
        for (String[] f : rows) {
            if (f[2].equals("A")) {
                currentPostalCodes.put(f[1], postalCodes(f[5]));
            }
        }
        Map<String, String> zones = new HashMap<>();
        for (String[] d : departments.values()) {
            ZoneId zone = zoneOf(d[1], d[4]);
            if (zone != null) {
                zones.put(d[1], zone.getId());
            }
        }
        List<Entry> entries = new ArrayList<>(rows.size());
        for (String[] f : rows) {
            Commune.Type type = Commune.Type.of(f[2]);
            String parent = f[4].isEmpty() ? null : f[4];
            List<String> codes = postalCodes(f[5]);
            if (codes.isEmpty() && parent != null) {
                codes = currentPostalCodes.getOrDefault(parent, List.of());
            }
            String department = f[6];
            String timeZone = zones.get(department);
            var commune = new Commune(
                    f[1],
                    type,
                    f[3],
                    parent,
                    parent == null ? null : currentNames.get(parent),
                    codes,
                    department,
                    departments.containsKey(department) ? departments.get(department)[2] : null,
                    f[7],
                    regions.get(f[7]),
                    f[8].isEmpty() ? null : f[8],
                    f[8].isEmpty() ? null : epcis.get(f[8]),
                    f[9].isEmpty() ? null : Integer.valueOf(f[9]),
                    timeZone != null,
                    timeZone);
            entries.add(new Entry(commune, key(f[3])));
        }
        return new CommuneIndex(source, entries, zones);
    }

    private static List<String> postalCodes(String field) {
        return field.isEmpty() ? List.of() : List.of(field.split(" "));
    }

    /**
     * The zone of a department the data calls metropolitan or overseas ("drom"), by the rule of {@link
     * DepartmentTimeZone}; null for a collectivity, which the platform does not cover.
     */
    private static ZoneId zoneOf(String department, String zone) {
        return zone.equals("metro") || zone.equals("drom")
                ? DepartmentTimeZone.of(department).orElse(null)
                : null;
    }

    /** "source version" of the data, e.g. {@code @etalab/decoupage-administratif 6.0.0}. */
    public String source() {
        return source;
    }

    /** Every place of the list, duplicated INSEE codes included. */
    public int size() {
        return entries.size();
    }

    /** The place of an INSEE code; the current commune where a delegated one shares its code. */
    public Optional<Commune> byInsee(String insee) {
        return insee == null
                ? Optional.empty()
                : Optional.ofNullable(byInsee.get(insee.strip().toUpperCase()));
    }

    /**
     * The current communes and districts with exactly this name (accents, case, hyphens and
     * "Saint"/"St" aside), most populated first: several for a name many communes share.
     */
    public List<Commune> named(String name) {
        if (name == null || name.isBlank() || name.length() > MAX_QUERY) {
            return List.of();
        }
        String key = key(name.strip());
        return entries.stream()
                .filter(e -> e.key().equals(key))
                .map(Entry::commune)
                .filter(c -> c.type() == Commune.Type.CURRENT || c.type() == Commune.Type.MUNICIPAL_DISTRICT)
                .toList();
    }

    /** The current communes of an intercommunality (EPCI, by its SIREN code), most populated first. */
    public List<Commune> inEpci(String epci) {
        if (epci == null || epci.isBlank()) {
            return List.of();
        }
        return entries.stream()
                .map(Entry::commune)
                .filter(c -> c.type() == Commune.Type.CURRENT && epci.equals(c.epci()))
                .toList();
    }

    /** The current communes and districts that have this postal code, most populated first. */
    public List<Commune> withPostalCode(String postalCode) {
        if (postalCode == null) {
            return List.of();
        }
        return byPostalCode.getOrDefault(postalCode.strip(), List.of()).stream()
                .filter(c -> c.type() == Commune.Type.CURRENT || c.type() == Commune.Type.MUNICIPAL_DISTRICT)
                .toList();
    }

    /**
     * The commune of a report's facts, for competence: by its INSEE code; for a report made before
     * the INSEE code was stored, by its name and postal code, else by its postal code alone when only
     * one current commune has it. Empty when the place cannot be told (the supervisors then choose).
     */
    public Optional<Commune> locate(String insee, String name, String postalCode) {
        if (insee != null && !insee.isBlank()) {
            return byInsee(insee)
                    .map(c -> c.type() == Commune.Type.DELEGATED || c.type() == Commune.Type.ASSOCIATED
                            ? byInsee.get(c.parentInsee())
                            : c);
        }
        if (name != null && !name.isBlank() && postalCode != null) {
            String key = key(name);
            Optional<Commune> named = entries.stream()
                    .filter(e -> e.key().equals(key) && e.commune().hasPostalCode(postalCode.strip()))
                    .map(Entry::commune)
                    .findFirst() // entries are in order of preference
                    .map(c -> c.type() == Commune.Type.DELEGATED || c.type() == Commune.Type.ASSOCIATED
                            ? byInsee.get(c.parentInsee())
                            : c);
            if (named.isPresent()) {
                return named;
            }
        }
        List<Commune> current = withPostalCode(postalCode).stream()
                .filter(c -> c.type() == Commune.Type.CURRENT)
                .toList();
        return current.size() == 1 ? Optional.of(current.get(0)) : Optional.empty();
    }

    /** The time zone of a covered department (e.g. {@code 974}); refuses a collectivity. */
    public ZoneId timeZone(String department) {
        String zone = departmentZones.get(department);
        if (zone == null) {
            throw notCovered();
        }
        return ZoneId.of(zone);
    }

    /**
     * Autocomplete: a postal code (or its first digits) or an INSEE code, else a name whose words
     * start as the query's do; accents, case, hyphens, apostrophes and "Saint"/"St" do not matter.
     * Exact matches first, then names starting with the query, then by population.
     */
    public List<Commune> search(String query, int limit) {
        if (query == null) {
            return List.of();
        }
        String q = query.strip();
        int max = Math.max(1, Math.min(limit, MAX_RESULTS));
        if (q.isEmpty() || q.length() > MAX_QUERY) {
            return List.of();
        }
        // three ranks of matches, each in order of preference (the entries' order), each capped
        List<List<Commune>> ranks = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        if (DIGITS.matcher(q).matches() || INSEE.matcher(q).matches()) {
            String code = q.toUpperCase();
            byInsee(code).ifPresent(c -> add(ranks, 0, c, max));
            byPostalCode.getOrDefault(code, List.of()).forEach(c -> add(ranks, 0, c, max));
            if (code.length() < 5) {
                // postal codes starting with the digits, in order of preference
                byPostalCode.subMap(code, code + Character.MAX_VALUE).values().stream()
                        .flatMap(List::stream)
                        .distinct()
                        .sorted(PREFERENCE)
                        .limit(max)
                        .forEach(c -> add(ranks, 1, c, max));
            }
        } else {
            String key = key(q);
            if (key.isEmpty()) {
                return List.of();
            }
            String inWord = " " + key;
            for (Entry e : entries) {
                if (!e.spacedKey().contains(inWord)) {
                    continue;
                }
                if (e.key().equals(key)) {
                    add(ranks, 0, e.commune(), max);
                } else if (e.key().startsWith(key)) {
                    add(ranks, 1, e.commune(), max);
                } else {
                    add(ranks, 2, e.commune(), max);
                }
                if (ranks.get(0).size() == max) {
                    break;
                }
            }
        }
        return ranks.stream().flatMap(List::stream).distinct().limit(max).toList();
    }

    private static void add(List<List<Commune>> ranks, int rank, Commune commune, int max) {
        List<Commune> list = ranks.get(rank);
        if (list.size() < max) {
            list.add(commune);
        }
    }

    /** Current communes and districts before delegated and associated ones, then the most populated. */
    private static final Comparator<Commune> PREFERENCE = Comparator.comparing(
                    (Commune c) -> c.type() == Commune.Type.DELEGATED || c.type() == Commune.Type.ASSOCIATED)
            .thenComparing(c -> c.population() == null ? 0 : c.population(), Comparator.reverseOrder())
            .thenComparing(Commune::name)
            .thenComparing(Commune::insee);

    /**
     * The place of a report: by INSEE code (the postal code then optional when the commune has only
     * one, and checked otherwise), or by name and postal code. Refuses an unknown commune, a postal
     * code that is not the commune's, and a place the platform does not cover.
     */
    public Place resolve(String insee, String name, String postalCode) {
        String postal = postalCode == null || postalCode.isBlank() ? null : postalCode.strip();
        if (postal != null && !POSTAL_CODE.matcher(postal).matches()) {
            throw DomainException.invalid("invalid_postal_code", "Le code postal doit comporter 5 chiffres.");
        }
        if (insee != null && !insee.isBlank()) {
            Commune commune = byInsee(insee)
                    .orElseThrow(() -> DomainException.invalid(
                            "invalid_commune", "Commune inconnue : code INSEE absent de la liste officielle."));
            return placeOf(commune, postal);
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            throw DomainException.invalid("invalid_commune", "La commune est obligatoire (100 caractères au plus).");
        }
        if (postal == null) {
            throw DomainException.invalid("invalid_postal_code", "Le code postal doit comporter 5 chiffres.");
        }
        List<Commune> named = byKey.getOrDefault(key(name), List.of());
        if (named.isEmpty()) {
            throw DomainException.invalid("invalid_commune", "Commune inconnue : « " + name.strip() + " ».");
        }
        Commune commune = named.stream()
                .filter(c -> c.hasPostalCode(postal))
                .min(PREFERENCE)
                .orElseThrow(() -> mismatch(postal));
        return placeOf(commune, postal);
    }

    private static Place placeOf(Commune commune, String postal) {
        if (!commune.covered()) {
            throw notCovered();
        }
        if (postal == null) {
            if (commune.postalCodes().size() != 1) {
                throw DomainException.invalid(
                        "invalid_postal_code", "Cette commune a plusieurs codes postaux : précisez-le.");
            }
            postal = commune.postalCodes().get(0);
        } else if (!commune.hasPostalCode(postal)) {
            throw mismatch(postal);
        }
        return new Place(commune, postal);
    }

    private static DomainException mismatch(String postal) {
        return DomainException.invalid(
                "postal_code_mismatch", "Le code postal " + postal + " n'appartient pas à cette commune.");
    }

    private static DomainException notCovered() {
        return DomainException.invalid(
                "territory_not_covered",
                "La plateforme ne couvre pas encore les collectivités d'outre-mer"
                        + " (Saint-Pierre-et-Miquelon, Saint-Barthélemy, Saint-Martin, Wallis-et-Futuna,"
                        + " Polynésie française, Nouvelle-Calédonie).");
    }

    /**
     * The comparison key of a name: no accents, lower case, words separated by one space,
     * "saint"/"sainte" as "st"/"ste".
     */
    static String key(String name) {
        String plain = name.chars().allMatch(ch -> ch < 128)
                ? name
                : MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD))
                        .replaceAll("")
                        .replace("œ", "oe")
                        .replace("Œ", "OE")
                        .replace("æ", "ae")
                        .replace("Æ", "AE");
        var key = new StringBuilder(plain.length());
        int wordStart = 0;
        for (int i = 0; i <= plain.length(); i++) {
            char ch = i < plain.length() ? Character.toLowerCase(plain.charAt(i)) : ' ';
            if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
                key.append(ch);
            } else if (key.length() > wordStart) {
                String word = key.substring(wordStart);
                if (word.equals("saint") || word.equals("sainte")) {
                    key.replace(wordStart + 1, wordStart + 4, ""); // "st", "ste"
                }
                key.append(' ');
                wordStart = key.length();
            }
        }
        return key.toString().strip();
    }

    /**
     * A report's place: the commune chosen, the postal code it has there. {@link #insee()} is what
     * the report stores.
     */
    public record Place(Commune commune, String postalCode) {
        public String insee() {
            return commune.placeInsee();
        }

        public String name() {
            return commune.name();
        }
    }
}
