package fr.relais.directory.control;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import fr.relais.directory.entity.Unit;
import fr.relais.shared.Csv;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The directory's CSV format: the reference units shipped as {@value #RESOURCE} (built by {@code
 * tools/units/build.mjs}) and the files admins import. One unit a line, fields separated by {@code
 * ;}, a header line, lines starting with {@code #} are comments. {@link #check} reads a whole file
 * and lists every problem of every line (line number and a stable {@link Reason}) without stopping,
 * so that an import either takes every line or none; {@link #load} reads the reference file, which
 * is either right or not loaded.
 */
public final class UnitFile {
    public static final String RESOURCE = "/reference/units.csv";
    public static final String HEADER =
            "code;kind;name;department;commune;address;phone;opening_hours;desk_24h;communes;source";
    static final int FIELDS = 11;

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,39}");
    private static final Pattern DEPARTMENT = Pattern.compile("0[1-9]|1\\d|2[1-9AB]|[3-8]\\d|9[0-5]|97[1-46]");
    private static final Pattern INSEE = Pattern.compile("\\d{5}|2[AB]\\d{3}");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    /** Regions whose numbers a French unit may give: metropolitan France and the overseas departments. */
    private static final List<String> PHONE_REGIONS = List.of("FR", "GP", "MQ", "GF", "RE", "YT");

    /**
     * Why a line is refused: a stable code (the French text is the web bundle's {@code
     * unitImport.reason.<CODE>}) and an English text for logs and the reference file's failure.
     */
    public enum Reason {
        ENCODING("the file is not UTF-8 text"),
        EMPTY("no unit in the file"),
        HEADER("header line expected: " + UnitFile.HEADER),
        FIELD_COUNT(FIELDS + " fields expected"),
        BAD_CODE("bad code"),
        UNKNOWN_KIND("unknown kind"),
        NAME("name missing or too long"),
        BAD_DEPARTMENT("bad department"),
        TOO_LONG("field too long"),
        BAD_PHONE("bad phone number"),
        BAD_DESK_24H("desk_24h must be true or false"),
        BAD_INSEE("bad INSEE code"),
        UNKNOWN_COMMUNE("INSEE code not in the list of communes"),
        COMMUNE_OUTSIDE_DEPARTMENT("commune outside the unit's department"),
        NO_COMMUNE("a station or brigade covers at least one commune"),
        NO_SOURCE("the source is mandatory"),
        DUPLICATE_CODE("duplicate code");

        private final String english;

        Reason(String english) {
            this.english = english;
        }

        public String english() {
            return english;
        }
    }

    /** A refusal: the line number (1 = the first line of the file, 0 = the file as a whole), why, and the value at fault. */
    public record Problem(int line, Reason reason, String value) {
        @Override
        public String toString() {
            return "line " + line + ": " + reason.english() + (value == null || value.isEmpty() ? "" : " " + value);
        }
    }

    /** The units of a file and its problems: when there is any problem, nothing of the file may be used. */
    public record Checked(List<Line> lines, List<Problem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }

        /** The number of distinct lines refused. */
        public int rejectedLines() {
            return (int) problems.stream().mapToInt(Problem::line).distinct().count();
        }
    }

    /** One unit of the file. */
    public record Line(
            int number,
            String code,
            Unit.Kind kind,
            String name,
            String department,
            String commune,
            String address,
            String phone,
            String openingHours,
            boolean desk24h,
            Set<String> communes,
            String source) {

        public Unit toUnit() {
            Unit unit = new Unit(code, name, kind, department, commune, communes);
            unit.describe(address, phone, openingHours, source);
            unit.setDesk24h(desk24h);
            return unit;
        }
    }

    private UnitFile() {}

    /** The reference units shipped with the release; a malformed line fails the whole file. */
    public static List<Line> load() {
        try (InputStream in = UnitFile.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Line> read(InputStream in) throws IOException {
        Checked checked = check(in.readAllBytes(), null);
        if (!checked.valid()) {
            throw new IllegalStateException(RESOURCE + " " + checked.problems().get(0));
        }
        return checked.lines();
    }

    /**
     * Checks a whole file (UTF-8, a byte-order mark allowed) and lists every problem.
     *
     * @param departmentOfCommune the department of a known commune by INSEE code, empty for an
     *     unknown code; null to check only the form of the codes (the reference file, checked by its tests)
     */
    public static Checked check(byte[] bytes, Function<String, Optional<String>> departmentOfCommune) {
        List<Line> lines = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            problems.add(new Problem(0, Reason.ENCODING, null));
            return new Checked(List.of(), problems);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Map<String, Integer> codes = new HashMap<>();
        boolean header = false;
        int number = 0;
        try (var reader = new BufferedReader(new StringReader(text))) {
            for (String raw = reader.readLine(); raw != null; raw = reader.readLine()) {
                number++;
                if (raw.isBlank() || raw.startsWith("#")) {
                    continue;
                }
                if (!header) {
                    header = true;
                    if (raw.strip().equalsIgnoreCase(HEADER)) {
                        continue;
                    }
                    problems.add(new Problem(number, Reason.HEADER, null));
                    continue;
                }
                int before = problems.size();
                Line line = parse(raw, number, departmentOfCommune, problems);
                if (line != null) {
                    Integer first = codes.putIfAbsent(line.code(), number);
                    if (first != null) {
                        problems.add(new Problem(number, Reason.DUPLICATE_CODE, line.code()));
                    } else if (problems.size() == before) {
                        lines.add(line);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (lines.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(0, Reason.EMPTY, null));
        }
        return new Checked(problems.isEmpty() ? List.copyOf(lines) : List.of(), List.copyOf(problems));
    }

    /**
     * The file of these units, in the format {@link #check} reads (the directory's export), written by
     * {@link Csv}: quoted where needed and with formulas made inert (a phone number {@code +33…} is
     * written {@code '+33…}, and read back without the quote).
     */
    public static String write(List<Unit> units) {
        Csv out = Csv.semicolon().row((Object[]) HEADER.split(";"));
        for (Unit u : units) {
            out.row(
                    u.code(),
                    u.kind().name(),
                    field(u.name()),
                    field(u.department()),
                    field(u.commune()),
                    field(u.address()),
                    field(u.phone()),
                    field(u.openingHours()),
                    Boolean.toString(u.desk24h()),
                    String.join(" ", u.communes().stream().sorted().toList()),
                    field(u.source()));
        }
        return out.toString();
    }

    /** One field on one line: the import reads a line at a time. */
    private static String field(String value) {
        return value == null ? "" : value.replace('\n', ' ').replace('\r', ' ');
    }

    private static Line parse(
            String text, int number, Function<String, Optional<String>> departmentOfCommune, List<Problem> problems) {
        String[] f = Csv.parse(text, ';').toArray(String[]::new);
        if (f.length != FIELDS) {
            problems.add(new Problem(number, Reason.FIELD_COUNT, Integer.toString(f.length)));
            return null;
        }
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i].strip();
        }
        int before = problems.size();
        if (!CODE.matcher(f[0]).matches()) {
            problems.add(new Problem(number, Reason.BAD_CODE, f[0]));
        }
        Unit.Kind kind = null;
        try {
            kind = Unit.Kind.valueOf(f[1]);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(number, Reason.UNKNOWN_KIND, f[1]));
        }
        if (f[2].isEmpty() || f[2].length() > 200) {
            problems.add(new Problem(number, Reason.NAME, null));
        }
        boolean department = DEPARTMENT.matcher(f[3]).matches();
        if (!department) {
            problems.add(new Problem(number, Reason.BAD_DEPARTMENT, f[3]));
        }
        tooLong(f[4], 100, "commune", number, problems);
        tooLong(f[5], 300, "address", number, problems);
        tooLong(f[6], 40, "phone", number, problems);
        tooLong(f[7], 300, "opening_hours", number, problems);
        tooLong(f[10], 500, "source", number, problems);
        if (!f[6].isEmpty() && f[6].length() <= 40 && !validPhone(f[6])) {
            problems.add(new Problem(number, Reason.BAD_PHONE, f[6]));
        }
        if (!f[8].equals("true") && !f[8].equals("false")) {
            problems.add(new Problem(number, Reason.BAD_DESK_24H, f[8]));
        }
        Set<String> communes = f[9].isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(f[9].split(" +")));
        for (String insee : communes) {
            if (!INSEE.matcher(insee).matches()) {
                problems.add(new Problem(number, Reason.BAD_INSEE, insee));
            } else if (departmentOfCommune != null) {
                Optional<String> of = departmentOfCommune.apply(insee);
                if (of.isEmpty()) {
                    problems.add(new Problem(number, Reason.UNKNOWN_COMMUNE, insee));
                } else if (department && !of.get().equals(f[3])) {
                    problems.add(new Problem(number, Reason.COMMUNE_OUTSIDE_DEPARTMENT, insee));
                }
            }
        }
        if (kind != null && kind.territorial() && communes.isEmpty()) {
            problems.add(new Problem(number, Reason.NO_COMMUNE, null));
        }
        if (f[10].isEmpty()) {
            problems.add(new Problem(number, Reason.NO_SOURCE, null));
        }
        if (!CODE.matcher(f[0]).matches()) {
            return null;
        }
        return new Line(
                number,
                f[0],
                kind,
                f[2],
                f[3],
                blankToNull(f[4]),
                blankToNull(f[5]),
                blankToNull(f[6]),
                blankToNull(f[7]),
                Boolean.parseBoolean(f[8]),
                communes,
                f[10]);
    }

    private static void tooLong(String value, int max, String column, int number, List<Problem> problems) {
        if (value.length() > max) {
            problems.add(new Problem(number, Reason.TOO_LONG, column));
        }
    }

    private static boolean validPhone(String value) {
        for (String region : PHONE_REGIONS) {
            try {
                if (PHONES.isValidNumber(PHONES.parse(value, region))) {
                    return true;
                }
            } catch (Exception e) {
                // not a number of that region: try the next one
            }
        }
        return false;
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
