package fr.relais.anonymisation.control;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks a run of alphanumeric groups separated by single spaces or dashes ("FR76 3000 6000 ...", "4970-1000-...") and
 * lists the offsets where a group ends, so that a checked identifier can be tried at each length without swallowing
 * a number that happens to follow it.
 */
final class GroupedNumbers {

    private GroupedNumbers() {}

    /** Offsets just after each group of the run starting at {@code start}, and the count of characters consumed. */
    static List<int[]> groupEnds(String text, int start, boolean lettersAllowed, int maxChars) {
        List<int[]> ends = new ArrayList<>();
        int count = 0;
        int i = start;
        int n = text.length();
        while (i < n && count < maxChars) {
            char c = text.charAt(i);
            if (isUnit(c, lettersAllowed)) {
                count++;
                i++;
                if (i >= n || !isUnit(text.charAt(i), lettersAllowed)) {
                    ends.add(new int[] {i, count});
                }
            } else if ((c == ' ' || c == '-' || c == '\u00a0')
                    && i > start
                    && i + 1 < n
                    && isUnit(text.charAt(i + 1), lettersAllowed)) {
                i++;
            } else {
                break;
            }
        }
        return ends;
    }

    private static boolean isUnit(char c, boolean lettersAllowed) {
        return (c >= '0' && c <= '9') || (lettersAllowed && c >= 'A' && c <= 'Z');
    }
}
