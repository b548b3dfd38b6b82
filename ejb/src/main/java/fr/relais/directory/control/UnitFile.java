package fr.relais.directory.control;

import fr.relais.directory.entity.Unit;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The reference units shipped as {@value #RESOURCE} (built by {@code tools/units/build.mjs}): one
 * unit a line, fields separated by {@code ;}, lines starting with {@code #} are comments. A
 * malformed line fails the whole file: reference data is either right or not loaded.
 */
public final class UnitFile {
    public static final String RESOURCE = "/reference/units.csv";
    static final String HEADER =
            "code;kind;name;department;commune;address;phone;opening_hours;desk_24h;communes;source";

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,39}");
    private static final Pattern DEPARTMENT = Pattern.compile("\\d{2}|2[AB]|97[1-6]");
    private static final Pattern INSEE = Pattern.compile("\\d{5}|2[AB]\\d{3}");

    /** One unit of the file. */
    public record Line(
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
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<Line> lines = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        int number = 0;
        for (String text = reader.readLine(); text != null; text = reader.readLine()) {
            number++;
            if (text.isBlank() || text.startsWith("#") || text.equals(HEADER)) {
                continue;
            }
            Line line = parse(text, number);
            if (!codes.add(line.code())) {
                throw new IllegalStateException(RESOURCE + " line " + number + ": duplicate code " + line.code());
            }
            lines.add(line);
        }
        return lines;
    }

    private static Line parse(String text, int number) {
        String[] f = text.split(";", -1);
        if (f.length != 11) {
            throw bad(number, "11 fields expected, " + f.length + " found");
        }
        if (!CODE.matcher(f[0]).matches()) {
            throw bad(number, "bad code " + f[0]);
        }
        Unit.Kind kind;
        try {
            kind = Unit.Kind.valueOf(f[1]);
        } catch (IllegalArgumentException e) {
            throw bad(number, "unknown kind " + f[1]);
        }
        if (f[2].isBlank() || f[2].length() > 200) {
            throw bad(number, "name missing or too long");
        }
        if (!DEPARTMENT.matcher(f[3]).matches()) {
            throw bad(number, "bad department " + f[3]);
        }
        if (!f[8].equals("true") && !f[8].equals("false")) {
            throw bad(number, "desk_24h must be true or false");
        }
        Set<String> communes = f[9].isBlank()
                ? Set.of()
                : new LinkedHashSet<>(Arrays.asList(f[9].strip().split(" +")));
        for (String insee : communes) {
            if (!INSEE.matcher(insee).matches()) {
                throw bad(number, "bad INSEE code " + insee);
            }
        }
        if (kind.territorial() && communes.isEmpty()) {
            throw bad(number, "a station or brigade covers at least one commune");
        }
        if (f[10].isBlank()) {
            throw bad(number, "the source is mandatory");
        }
        return new Line(
                f[0],
                kind,
                f[2].strip(),
                f[3],
                blankToNull(f[4]),
                blankToNull(f[5]),
                blankToNull(f[6]),
                blankToNull(f[7]),
                Boolean.parseBoolean(f[8]),
                communes,
                f[10].strip());
    }

    private static String blankToNull(String s) {
        return s.isBlank() ? null : s.strip();
    }

    private static IllegalStateException bad(int number, String why) {
        return new IllegalStateException(RESOURCE + " line " + number + ": " + why);
    }
}
