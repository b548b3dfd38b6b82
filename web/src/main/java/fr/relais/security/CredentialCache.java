package fr.relais.security;

import com.github.benmanes.caffeine.cache.Cache;
import fr.relais.directory.control.Revocations;
import fr.relais.shared.BoundedCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Basic credentials verified in the last seconds (RELAIS_BASIC_CACHE_SECONDS, 60 by default; 0
 * turns it off), so that a script calling with Basic does not cost a PBKDF2 hash per call. Keyed
 * by an HMAC of name and password under a key drawn at start: the password is never kept, and the
 * key cannot be tested offline without the process's memory. Entries of a revoked account are
 * refused. Bounded; local to the instance.
 */
@ApplicationScoped
public class CredentialCache {
    static final int MAX_ENTRIES = 10_000;

    @Inject
    SecuritySettings settings;

    @Inject
    Revocations revocations;

    private final Clock clock = Clock.systemUTC();
    private final byte[] key = new byte[32];
    private final Cache<String, Entry> entries = BoundedCache.of(MAX_ENTRIES);

    record Entry(String caller, Set<String> groups, long verifiedAt, long expiresAt) {}

    CredentialCache() {
        new SecureRandom().nextBytes(key);
    }

    public boolean enabled() {
        return settings.basicCacheSeconds() > 0;
    }

    /** The caller, if these exact credentials were verified recently and not revoked since. */
    public Entry get(String username, String password) {
        if (!enabled()) {
            return null;
        }
        String k = keyOf(username, password);
        Entry entry = entries.getIfPresent(k);
        if (entry == null) {
            return null;
        }
        if (entry.expiresAt() < clock.millis() || revocations.isRevoked(entry.caller(), entry.verifiedAt())) {
            entries.asMap().remove(k, entry);
            return null;
        }
        return entry;
    }

    public void put(String username, String password, String caller, Set<String> groups) {
        if (!enabled()) {
            return;
        }
        long now = clock.millis();
        entries.put(
                keyOf(username, password),
                new Entry(caller, Set.copyOf(groups), now, now + settings.basicCacheSeconds() * 1000));
    }

    private String keyOf(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
