package fr.relais.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Throttling of password guessing, per account and per client address, for every way a password
 * is checked (form login, token endpoint, Basic). At most a few checks of one account run at
 * once, so parallel guesses cannot all pass before the first failures count. Past a few failures each further attempt must
 * wait longer (answered at once, without checking the password), then the account or the address
 * is locked for a while and a security event is recorded. Counters are per account: locking one
 * account never blocks another, from the same address or not, unless the address itself passes its
 * own, much higher, limit (offices behind one NAT address share it). In memory, per instance: a
 * cluster of n instances allows up to n times the figures.
 */
@ApplicationScoped
public class Throttle {
    /** After {@code free} failures, each attempt waits {@code step} more; at {@code lockAt}, locked. */
    record Policy(int free, int lockAt, Duration step, Duration lock, Duration forgetAfter) {
        long waitMillis(int failures) {
            if (failures >= lockAt) {
                return lock.toMillis();
            }
            return failures >= free ? step.toMillis() * (failures - free + 1) : 0;
        }
    }

    static final Policy ACCOUNT =
            new Policy(5, 10, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofMinutes(15));
    static final Policy ADDRESS =
            new Policy(200, 500, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofMinutes(15));
    private static final int MAX_TRACKED = 100_000;
    static final int MAX_CONCURRENT_CHECKS = 4;

    @Inject
    SecurityEvents events;

    private final Clock clock = Clock.systemUTC();
    private final ConcurrentHashMap<String, Counter> accounts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Counter> addresses = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Integer> inFlight = new ConcurrentHashMap<>();

    record Counter(int failures, long last, long notBefore) {}

    /**
     * Returns 0 if a password check may run now, or the seconds to wait before the next attempt is
     * accepted (the attempt is then refused without checking the password, and not counted).
     */
    public long acquire(String account, String address) {
        long now = clock.millis();
        if (accounts.size() > MAX_TRACKED || addresses.size() > MAX_TRACKED) {
            forgetOld(now);
        }
        long wait = Math.max(waitOf(accounts.get(key(account)), now), waitOf(addresses.get(address), now));
        return wait > 0 ? (wait + 999) / 1000 : 0;
    }

    /**
     * Starts a password check (one that costs a hash): false when the account already has {@link
     * #MAX_CONCURRENT_CHECKS} checks running, so that parallel guesses cannot all run before the
     * first failures are counted. Every started check must be {@link #ended}.
     */
    public boolean begin(String account) {
        int running = inFlight.merge(key(account), 1, Integer::sum);
        if (running > MAX_CONCURRENT_CHECKS) {
            ended(account);
            return false;
        }
        return true;
    }

    public void ended(String account) {
        inFlight.computeIfPresent(key(account), (k, n) -> n <= 1 ? null : n - 1);
    }

    /** A wrong password (or unknown name): counted for the account and for the address. */
    public void failed(String account, String address) {
        long now = clock.millis();
        count(accounts, key(account), ACCOUNT, now, SecurityEvents.ACCOUNT_LOCKED, account, address);
        count(addresses, address, ADDRESS, now, SecurityEvents.ADDRESS_LOCKED, account, address);
    }

    /** The right password: the account starts afresh (the address keeps its count). */
    public void succeeded(String account) {
        accounts.remove(key(account));
    }

    private void count(
            ConcurrentHashMap<String, Counter> counters,
            String key,
            Policy policy,
            long now,
            String lockEvent,
            String account,
            String address) {
        Counter counter = counters.compute(key, (k, c) -> {
            int failures = c == null || stale(c, policy, now) ? 1 : c.failures() + 1;
            return new Counter(failures, now, now + policy.waitMillis(failures));
        });
        if (counter.failures() == policy.lockAt()) {
            events.record(
                    lockEvent,
                    account,
                    address,
                    counter.failures() + " failed attempts, locked for "
                            + policy.lock().toMinutes() + " min");
        }
    }

    private static boolean stale(Counter c, Policy policy, long now) {
        return c.notBefore() < now && c.last() + policy.forgetAfter().toMillis() < now
                || c.failures() >= policy.lockAt() && c.notBefore() < now;
    }

    private static long waitOf(Counter c, long now) {
        return c == null ? 0 : Math.max(0, c.notBefore() - now);
    }

    private void forgetOld(long now) {
        accounts.values().removeIf(c -> stale(c, ACCOUNT, now));
        addresses.values().removeIf(c -> stale(c, ADDRESS, now));
    }

    private static String key(String account) {
        return account == null ? "" : account.toLowerCase(Locale.ROOT);
    }
}
