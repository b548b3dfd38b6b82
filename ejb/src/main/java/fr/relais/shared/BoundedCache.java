package fr.relais.shared;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/** The bounded in-memory caches of an instance (callers, checked tokens, Basic credentials, recent reads). */
public final class BoundedCache {
    private BoundedCache() {}

    /**
     * A map of at most {@code size} entries, the least useful evicted first (Caffeine's policy), its
     * upkeep done on the calling thread (no thread of the JDK's common pool, outside the container's).
     * Expiry stays with the callers, which know what makes an entry stale (a clock, a revocation).
     */
    public static <V> Cache<String, V> of(int size) {
        return Caffeine.newBuilder().maximumSize(size).executor(Runnable::run).build();
    }
}
