package fr.relais.anonymisation.control;

import java.util.ArrayList;
import java.util.List;

/** A word of the text: letters and digits, hyphenated parts kept together ("Jean-Marc"), apostrophes split. */
record Token(
        int start, int end, String folded, int previousEnd, boolean capitalised, boolean allCaps, boolean hasLetter) {

    static List<Token> tokenise(String text) {
        List<Token> tokens = new ArrayList<>();
        int n = text.length();
        int i = 0;
        int previousEnd = 0;
        while (i < n) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n) {
                char c = text.charAt(i);
                if (Character.isLetterOrDigit(c)) {
                    i++;
                } else if (isNameElision(text, start, i)) {
                    i += 2; // "N'Diaye", "O'Connor", "D'HÉROUVILLE": one surname, not an elided article
                } else if (c == '-' && i + 1 < n && Character.isLetter(text.charAt(i + 1)) && i > start) {
                    i++;
                } else {
                    break;
                }
            }
            boolean hasLetter = false;
            boolean allCaps = true;
            int letters = 0;
            for (int k = start; k < i; k++) {
                char c = text.charAt(k);
                if (Character.isLetter(c)) {
                    hasLetter = true;
                    letters++;
                    if (!Character.isUpperCase(c)) {
                        allCaps = false;
                    }
                }
            }
            boolean capitalised = Character.isUpperCase(text.charAt(start));
            tokens.add(new Token(
                    start,
                    i,
                    Texts.fold(text.subSequence(start, i)),
                    previousEnd,
                    capitalised,
                    hasLetter && allCaps && letters >= 2,
                    hasLetter));
            previousEnd = i;
        }
        return tokens;
    }

    private static boolean isNameElision(String text, int start, int i) {
        char c = text.charAt(i);
        return i == start + 1
                && "NOD".indexOf(text.charAt(start)) >= 0
                && (c == '\'' || c == '’')
                && i + 1 < text.length()
                && Character.isUpperCase(text.charAt(i + 1));
    }

    String text(String source) {
        return source.substring(start, end);
    }

    boolean lowerCase() {
        return hasLetter && !capitalised;
    }

    String gapBefore(String source) {
        return source.substring(previousEnd, start);
    }

    /** Only spaces between this token and the previous one: they belong to the same name. */
    boolean gapIsSpace(String source) {
        if (start == previousEnd) {
            return false;
        }
        for (int k = previousEnd; k < start; k++) {
            char c = source.charAt(k);
            if (c != ' ' && c != '\t' && c != '\u00a0') {
                return false;
            }
        }
        return true;
    }

    /** What may stand between a cue and the name: spaces, a comma, a colon, quotes ("signée « Rose »"). */
    boolean gapIsCueSeparator(String source) {
        if (start == previousEnd) {
            return false;
        }
        for (int k = previousEnd; k < start; k++) {
            char c = source.charAt(k);
            if (!Character.isWhitespace(c) && ",:«\"“'’(".indexOf(c) < 0 && c != '\u00a0' && c != '\'') {
                return false;
            }
        }
        return true;
    }
}
