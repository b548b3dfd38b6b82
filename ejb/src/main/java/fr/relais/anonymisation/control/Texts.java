package fr.relais.anonymisation.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

final class Texts {

    private static final char[] FOLD = new char[0x250];

    static {
        for (char c = 0; c < FOLD.length; c++) {
            String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            FOLD[c] = Character.toLowerCase(decomposed.isEmpty() ? c : decomposed.charAt(0));
        }
    }

    private Texts() {}

    /** Lower case without diacritics, one char for one char, so offsets into the folded text are offsets into the original. */
    static char fold(char c) {
        if (c < FOLD.length) {
            return FOLD[c];
        }
        return c == '’' ? '\'' : Character.toLowerCase(c);
    }

    static String fold(CharSequence s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = fold(s.charAt(i));
        }
        return new String(out);
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    static boolean isBoundaryBefore(CharSequence text, int start) {
        return start == 0 || !isWordChar(text.charAt(start - 1));
    }

    static boolean isBoundaryAfter(CharSequence text, int end) {
        return end >= text.length() || !isWordChar(text.charAt(end));
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    static String digits(CharSequence s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static String alnumUpper(CharSequence s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toUpperCase(c));
            }
        }
        return sb.toString();
    }

    /** Lines of a UTF-8 resource, without blanks and '#' comments. */
    static List<String> resourceLines(String name) {
        try (InputStream in = Texts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            List<String> lines = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    String trimmed = line.strip();
                    if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                        lines.add(trimmed);
                    }
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
