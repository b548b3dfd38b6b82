package fr.relais.audit.control;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Checks the daily anchors: each links to the one before it and hashes as stored, and the latest one's
 * heads hash equals the one computed again from the events up to its time. Plain logic, no database.
 */
public final class AnchorCheck {
    /** An anchor as stored. */
    public record Anchor(LocalDate day, long chains, String headsHash, String prevHash, String hash) {}

    private AnchorCheck() {}

    /**
     * The day of the first anchor that does not hold, given the anchors oldest first and, for the
     * latest, its chains' heads as the events say they were at its time ({@code key seq hash} lines
     * sorted by key).
     */
    public static Optional<LocalDate> firstBroken(List<Anchor> anchors, List<String> latestHeadsFromEvents) {
        String prev = CanonicalForm.GENESIS;
        for (Anchor a : anchors) {
            if (!a.prevHash().equals(prev)
                    || !CanonicalForm.anchorHash(a.day().toString(), a.chains(), a.headsHash(), a.prevHash())
                            .equals(a.hash())) {
                return Optional.of(a.day());
            }
            prev = a.hash();
        }
        if (!anchors.isEmpty()) {
            Anchor latest = anchors.get(anchors.size() - 1);
            if (latestHeadsFromEvents.size() != latest.chains()
                    || !CanonicalForm.headsHash(latestHeadsFromEvents).equals(latest.headsHash())) {
                return Optional.of(latest.day());
            }
        }
        return Optional.empty();
    }
}
