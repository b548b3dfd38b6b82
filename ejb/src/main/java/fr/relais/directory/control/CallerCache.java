package fr.relais.directory.control;

import com.github.benmanes.caffeine.cache.Cache;
import fr.relais.shared.BoundedCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.function.Function;

/**
 * The scope of recent callers (roles, platform, unit), so that a call does not read the account's two
 * rows again each time (the profile of the load harness put that at about 16 % of the server's CPU).
 * An entry lives at most {@link #TTL_MILLIS}, and less when the account is revoked after it was read:
 * every change of rights or scope by an administrator revokes the account ({@link Revocations}, shared
 * by the cluster), so a changed scope is never served from here.
 */
@ApplicationScoped
public class CallerCache {
    static final long TTL_MILLIS = 30_000;
    static final int MAX_ENTRIES = 10_000;

    /**
     * An entry read less than this after a revocation is read again: an administrator's change revokes
     * the account before its transaction commits, so a read in between still sees the former rows.
     */
    static final long GRACE_MILLIS = 5_000;

    record Entry<T>(T value, long loadedAt) {}

    @Inject
    Revocations revocations;

    Clock clock = Clock.systemUTC();

    private final Cache<String, Entry<Object>> entries = BoundedCache.of(MAX_ENTRIES);

    /** The cached value for {@code username}, or {@code load}'s (cached when not null). */
    @SuppressWarnings("unchecked")
    public <T> T get(String username, Function<String, T> load) {
        long now = clock.millis();
        Entry<Object> entry = entries.getIfPresent(username);
        if (entry != null
                && now - entry.loadedAt() < TTL_MILLIS
                && !revocations.isRevoked(username, entry.loadedAt() - GRACE_MILLIS)) {
            return (T) entry.value();
        }
        T value = load.apply(username);
        if (value != null) {
            entries.put(username, new Entry<>(value, now));
        } else {
            entries.invalidate(username);
        }
        return value;
    }
}
