package fr.relais.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Fixed-window request counters (one minute) for the public endpoints, shared by every instance of
 * a cluster: a map in Payara's Hazelcast data grid ({@code IMap}, a {@link ConcurrentMap}), updated
 * by compare-and-set on plain {@code Long} values (no application class travels in the grid).
 * Without a grid, the counters are local to the instance. Each instance removes the windows it
 * created once they are over.
 */
@ApplicationScoped
public class RateLimiter {
    private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());
    static final String MAP_NAME = "relais-rate-limits";
    static final long WINDOW_MILLIS = 60_000;

    private ConcurrentMap<String, Long> counters;
    private final Queue<Window> created = new ConcurrentLinkedQueue<>();
    Clock clock = Clock.systemUTC();

    private record Window(String key, long endsAt) {}

    @PostConstruct
    void connect() {
        counters = gridMap();
        if (counters == null) {
            counters = new ConcurrentHashMap<>();
            LOG.info("Rate limits: no data grid, counters are local to this instance");
        }
    }

    /**
     * Counts one request of {@code subject} in {@code bucket}; returns 0 when it is within {@code limit}
     * requests this minute, else the seconds until the window ends. A limit of 0 or less is no limit.
     */
    public long hit(String bucket, String subject, int limit) {
        if (limit <= 0) {
            return 0;
        }
        long now = clock.millis();
        forgetEnded(now);
        long window = now / WINDOW_MILLIS;
        long endsAt = (window + 1) * WINDOW_MILLIS;
        String key = bucket + '|' + subject + '|' + window;
        long count = increment(key, endsAt);
        return count <= limit ? 0 : Math.max(1, (endsAt - now + 999) / 1000);
    }

    private long increment(String key, long endsAt) {
        while (true) {
            Long current = counters.get(key);
            if (current == null) {
                if (counters.putIfAbsent(key, 1L) == null) {
                    created.add(new Window(key, endsAt));
                    return 1;
                }
            } else if (counters.replace(key, current, current + 1)) {
                return current + 1;
            }
        }
    }

    private void forgetEnded(long now) {
        for (Window w = created.peek(); w != null && w.endsAt() <= now; w = created.peek()) {
            if (created.remove(w)) {
                counters.remove(w.key());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static ConcurrentMap<String, Long> gridMap() {
        try {
            Object grid = new InitialContext().lookup("payara/Hazelcast");
            if (grid == null) {
                return null;
            }
            // HazelcastInstance.getMap, reflectively as in Revocations: no Hazelcast jar at build time
            return (ConcurrentMap<String, Long>)
                    grid.getClass().getMethod("getMap", String.class).invoke(grid, MAP_NAME);
        } catch (NamingException | ReflectiveOperationException | RuntimeException e) {
            LOG.fine(() -> "no data grid: " + e);
            return null;
        }
    }
}
