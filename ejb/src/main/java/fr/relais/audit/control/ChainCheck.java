package fr.relais.audit.control;

import java.util.List;

/**
 * Walks one chain's events against its head: every hash computed again from the event as stored, each
 * event linked to the one before it, sequence numbers without a gap, and the head pointing at the last
 * event. Plain logic, no database.
 */
public final class ChainCheck {
    public enum Reason {
        EDITED,
        MISSING,
        HEAD_MISMATCH,
        ANCHOR;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** An event as stored, with its id. */
    public record Stored(long id, CanonicalForm.Event content, String hash) {}

    /** Where a chain first breaks. */
    public record Break(String chain, long seq, Long eventId, Reason reason) {}

    private ChainCheck() {}

    /**
     * The first break of the chain {@code key} whose head says {@code headSeq} and {@code headHash},
     * given its events with seq up to the head's, in seq order; none when it holds.
     */
    public static java.util.Optional<Break> check(String key, long headSeq, String headHash, List<Stored> events) {
        long expected = 1;
        String prev = CanonicalForm.GENESIS;
        String last = CanonicalForm.GENESIS;
        for (Stored e : events) {
            long seq = e.content().seq();
            if (seq != expected) {
                // a gap: the event expected here was deleted (reported at the one that follows it)
                return java.util.Optional.of(new Break(key, expected, e.id(), Reason.MISSING));
            }
            if (!e.content().prev().equals(prev)
                    || !CanonicalForm.hash(e.content()).equals(e.hash())
                    || !key.equals(e.content().chain())) {
                return java.util.Optional.of(new Break(key, seq, e.id(), Reason.EDITED));
            }
            prev = e.hash();
            last = e.hash();
            expected++;
        }
        if (expected - 1 < headSeq) {
            return java.util.Optional.of(new Break(key, expected, null, Reason.MISSING));
        }
        if (!last.equals(headHash)) {
            return java.util.Optional.of(new Break(
                    key,
                    headSeq,
                    events.isEmpty() ? null : events.get(events.size() - 1).id(),
                    Reason.HEAD_MISMATCH));
        }
        return java.util.Optional.empty();
    }
}
