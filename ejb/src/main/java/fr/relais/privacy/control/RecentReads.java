package fr.relais.privacy.control;

import com.github.benmanes.caffeine.cache.Cache;
import fr.relais.shared.BoundedCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The latest committed record of a staff member's read of a report or conversation that this instance
 * has seen, so that the reads within the recording window ask the database nothing (a status poll of a
 * report read the records on every call). Holds only what a query found in the database, never a record
 * of the current transaction, so a read is never left unrecorded: at worst (another instance, a restart)
 * the database is asked again. Bounded ({@link BoundedCache}): an entry that is gone means one more query.
 */
@ApplicationScoped
public class RecentReads {
    static final int MAX_ENTRIES = 20_000;

    private final Cache<String, Instant> latest = BoundedCache.of(MAX_ENTRIES);

    /** The key of a person's reads of a report ({@code reportId} set) or else of a conversation. */
    public static String key(String username, Long reportId, Long chatId) {
        return reportId != null ? username + "|report:" + reportId : username + "|chat:" + chatId;
    }

    /** Whether a committed record of this read is known to be after {@code since}. */
    public boolean recordedAfter(String key, Instant since) {
        Instant at = latest.getIfPresent(key);
        return at != null && at.isAfter(since);
    }

    /** A committed record of this read, found in the database, made at {@code at}. */
    public void found(String key, Instant at) {
        latest.asMap().merge(key, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** How many records it holds (bounded). */
    long size() {
        latest.cleanUp();
        return latest.estimatedSize();
    }
}
