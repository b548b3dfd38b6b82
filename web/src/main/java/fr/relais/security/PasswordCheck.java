package fr.relais.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;

/**
 * Every password check of the application, whatever the door (form, token endpoint, Basic):
 * throttled first, then the credentials cache where allowed, then the identity store.
 */
@ApplicationScoped
public class PasswordCheck {
    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    Throttle throttle;

    @Inject
    CredentialCache cache;

    /** What a check gives: a valid caller, a refusal, or the seconds to wait before trying again. */
    public record Outcome(CredentialValidationResult result, long retryAfterSeconds) {
        public boolean valid() {
            return result != null && result.getStatus() == CredentialValidationResult.Status.VALID;
        }

        public boolean throttled() {
            return retryAfterSeconds > 0;
        }
    }

    public Outcome check(String username, String password, String address, boolean cacheAllowed) {
        long wait = throttle.acquire(username, address);
        if (wait > 0) {
            return new Outcome(null, wait);
        }
        if (cacheAllowed) {
            CredentialCache.Entry cached = cache.get(username, password);
            if (cached != null) {
                return new Outcome(new CredentialValidationResult(cached.caller(), cached.groups()), 0);
            }
        }
        if (!throttle.begin(username)) {
            return new Outcome(null, 1);
        }
        try {
            CredentialValidationResult result =
                    identityStores.validate(new UsernamePasswordCredential(username, password));
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                throttle.failed(username, address);
                return new Outcome(CredentialValidationResult.INVALID_RESULT, 0);
            }
            throttle.succeeded(username);
            if (cacheAllowed) {
                cache.put(username, password, result.getCallerPrincipal().getName(), result.getCallerGroups());
            }
            return new Outcome(result, 0);
        } finally {
            throttle.ended(username);
        }
    }
}
