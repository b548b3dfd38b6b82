package fr.relais.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Authentication settings (MicroProfile Config: environment variables or system properties of the
 * same name). See the README's "Authentication" section.
 */
@ApplicationScoped
public class SecuritySettings {
    /** The {@code iss} of the tokens Relais issues. */
    @Inject
    @ConfigProperty(name = "RELAIS_JWT_ISSUER", defaultValue = "relais")
    String issuer;

    /** Lifetime of a token Relais issues, in seconds. */
    @Inject
    @ConfigProperty(name = "RELAIS_JWT_LIFETIME_SECONDS", defaultValue = "300")
    long tokenLifetimeSeconds;

    /**
     * The private key Relais signs its tokens with: a JWK (EC P-256 or RSA) inline or in a file.
     * Unset: a key is generated at each start (one instance only; a cluster must share one key).
     */
    @Inject
    @ConfigProperty(name = "RELAIS_JWT_SIGNING_KEY")
    Optional<String> signingKey;

    /**
     * Further keys that tokens may be signed with, e.g. those of an OpenID Connect provider: a JWK
     * set inline, in a file, or at an {@code https://} URL (the provider's {@code jwks_uri}).
     */
    @Inject
    @ConfigProperty(name = "RELAIS_JWT_VERIFICATION_KEYS")
    Optional<String> verificationKeys;

    /** Issuers accepted besides Relais itself, comma-separated (the provider's {@code iss}). */
    @Inject
    @ConfigProperty(name = "RELAIS_JWT_ACCEPTED_ISSUERS")
    Optional<String> acceptedIssuers;

    /** Lifetime of a verified Basic credential in the in-memory cache; 0 disables the cache. */
    @Inject
    @ConfigProperty(name = "RELAIS_BASIC_CACHE_SECONDS", defaultValue = "60")
    long basicCacheSeconds;

    /** Largest request body accepted, in bytes. */
    @Inject
    @ConfigProperty(name = "RELAIS_MAX_BODY_BYTES", defaultValue = "262144")
    long maxBodyBytes;

    /** Addresses of reverse proxies whose {@code X-Forwarded-For} is believed. */
    @Inject
    @ConfigProperty(name = "RELAIS_TRUSTED_PROXIES")
    Optional<String> trustedProxies;

    public String issuer() {
        return issuer;
    }

    public long tokenLifetimeSeconds() {
        return tokenLifetimeSeconds;
    }

    public Optional<String> signingKey() {
        return signingKey.filter(s -> !s.isBlank());
    }

    public Optional<String> verificationKeys() {
        return verificationKeys.filter(s -> !s.isBlank());
    }

    public Set<String> acceptedIssuers() {
        return list(acceptedIssuers);
    }

    public long basicCacheSeconds() {
        return basicCacheSeconds;
    }

    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    public Set<String> trustedProxies() {
        return list(trustedProxies);
    }

    // Payara's MicroProfile Config cannot inject Optional<List<String>>: split here
    private static Set<String> list(Optional<String> value) {
        return value.stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
