package fr.relais.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * Every CSV file the application writes, and the directory's import reads: RFC 4180 quoting (a field
 * holding the separator, a double quote, CR or LF is quoted, its quotes doubled; lines end with CRLF),
 * and cells made inert for spreadsheets: a cell starting with {@code =}, {@code +}, {@code -}, {@code @},
 * a tab or a CR gets a leading {@code '} so that no formula runs when the file is opened (OWASP's CSV
 * injection advice). {@link #parse} reads such a line back and takes that quote off again.
 */
public final class Csv {
    private final char separator;
    private final StringBuilder out = new StringBuilder();

    private Csv(char separator) {
        this.separator = separator;
    }

    /** A file separated by commas (RFC 4180). */
    public static Csv comma() {
        return new Csv(',');
    }

    /** A file separated by semicolons (what French spreadsheets open directly). */
    public static Csv semicolon() {
        return new Csv(';');
    }

    /** Appends one line of cells; null is an empty cell. */
    public Csv row(Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(separator);
            }
            out.append(cell(cells[i], separator));
        }
        out.append("\r\n");
        return this;
    }

    public Csv row(List<?> cells) {
        return row(cells.toArray());
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** One cell, inert and quoted as needed. */
    static String cell(Object value, char separator) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && dangerous(text.charAt(0))) {
            text = "'" + text;
        }
        if (text.indexOf(separator) >= 0
                || text.indexOf('"') >= 0
                || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static boolean dangerous(char first) {
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    /**
     * The cells of one line written by {@link #row} (quoted fields may not span lines here), the quote
     * that made a cell inert taken off.
     */
    public static List<String> parse(String line, char separator) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == separator) {
                cells.add(uninert(cell.toString()));
                cell.setLength(0);
                wasQuoted = false;
            } else {
                cell.append(c);
            }
        }
        cells.add(uninert(cell.toString()));
        return cells;
    }

    private static String uninert(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && dangerous(cell.charAt(1)) ? cell.substring(1) : cell;
    }
}
