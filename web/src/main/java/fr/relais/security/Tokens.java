package fr.relais.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import fr.relais.directory.control.Revocations;
import fr.relais.shared.BoundedCache;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Short-lived signed bearer tokens (JWT with the MicroProfile JWT claims: {@code iss, sub, upn,
 * groups, iat, exp, jti}), issued for a checked password and verified by signature alone on each
 * call (no database query). Tokens signed by a configured external OpenID Connect provider are
 * accepted the same way. An account's revocation (see {@link Revocations}) refuses its tokens
 * issued before it.
 */
@ApplicationScoped
public class Tokens {
    private static final Logger LOG = Logger.getLogger(Tokens.class.getName());
    private static final Set<JWSAlgorithm> ACCEPTED_ALGORITHMS = Set.of(
            JWSAlgorithm.ES256,
            JWSAlgorithm.ES384,
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.RS512,
            JWSAlgorithm.PS256);

    @Inject
    SecuritySettings settings;

    @Inject
    Revocations revocations;

    private final Clock clock = Clock.systemUTC();
    private JWK signingKey;
    private JWSSigner signer;
    private JWSAlgorithm algorithm;
    private DefaultJWTProcessor<SecurityContext> processor;
    private Set<String> issuers;

    /** A verified token's caller. */
    public record Verified(String caller, Set<String> groups) {}

    /** What a token whose signature and claims were checked says, kept until it expires. */
    private record Checked(String caller, Set<String> groups, long issuedAtMillis, long expiresAtMillis) {}

    static final int MAX_VERIFIED = 10_000;

    /** Checked tokens by digest; bounded; local to the instance (another one checks a token once too). */
    private final Cache<String, Checked> verified = BoundedCache.of(MAX_VERIFIED);

    @PostConstruct
    void init() {
        try {
            signingKey = settings.signingKey().map(Tokens::parseKey).orElseGet(Tokens::generatedKey);
            if (signingKey instanceof ECKey ec) {
                signer = new ECDSASigner(ec);
                algorithm = JWSAlgorithm.ES256;
            } else {
                signer = new RSASSASigner(signingKey.toRSAKey());
                algorithm = JWSAlgorithm.RS256;
            }
            List<JWK> local = new ArrayList<>();
            local.add(signingKey.toPublicJWK());
            JWKSource<SecurityContext> remote = null;
            Optional<String> extra = settings.verificationKeys();
            if (extra.isPresent()) {
                String value = extra.get().strip();
                if (value.startsWith("https://") || value.startsWith("http://")) {
                    remote = JWKSourceBuilder.create(URI.create(value).toURL())
                            .retrying(true)
                            .build();
                } else {
                    local.addAll(JWKSet.parse(read(value)).getKeys());
                }
            }
            JWKSource<SecurityContext> keys = new ImmutableJWKSet<>(new JWKSet(local));
            if (remote != null) {
                JWKSource<SecurityContext> own = keys;
                JWKSource<SecurityContext> provider = remote;
                keys = (selector, context) -> {
                    List<JWK> found = new ArrayList<>(own.get(selector, context));
                    if (found.isEmpty()) {
                        found.addAll(provider.get(selector, context));
                    }
                    return found;
                };
            }
            processor = new DefaultJWTProcessor<>();
            processor.setJWSTypeVerifier(
                    new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, null, new JOSEObjectType("at+jwt")));
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ACCEPTED_ALGORITHMS, keys));
            processor.setJWTClaimsSetVerifier(
                    new DefaultJWTClaimsVerifier<>(null, null, Set.of("iss", "exp", "iat", "sub"), null));
            issuers = new HashSet<>(settings.acceptedIssuers());
            issuers.add(settings.issuer());
        } catch (ParseException | JOSEException | IOException e) {
            throw new IllegalStateException("invalid token key configuration", e);
        }
    }

    /** Private claim: the issue instant in epoch milliseconds (signed with the rest). */
    static final String ISSUED_AT_MILLIS = "relais_iat_ms";

    /** A token for a caller whose password was just checked. */
    public String issue(String caller, Set<String> groups) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .subject(caller)
                .claim("upn", caller)
                .claim("groups", List.copyOf(groups))
                .issueTime(Date.from(now))
                // iat has whole seconds: a token issued just after a revocation (a changed password)
                // in the same second would be refused without the exact instant
                .claim(ISSUED_AT_MILLIS, now.toEpochMilli())
                .expirationTime(Date.from(now.plusSeconds(settings.tokenLifetimeSeconds())))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(algorithm)
                        .type(JOSEObjectType.JWT)
                        .keyID(signingKey.getKeyID())
                        .build(),
                claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return jwt.serialize();
    }

    /**
     * The caller of a valid token: signature, issuer, expiry and revocation checked. A token whose
     * signature and claims were checked once is remembered until its expiry ({@link #verified}), so
     * that a client calling with the same token does not cost a signature check per call (ES256: 2 %
     * of the server's CPU under load, README "Load"); its expiry and the account's revocation are
     * checked at every call all the same.
     */
    public Optional<Verified> verify(String token) {
        String key = digest(token);
        long now = clock.millis();
        Checked checked = verified.getIfPresent(key);
        if (checked == null || checked.expiresAtMillis() <= now) {
            if (checked != null) {
                verified.asMap().remove(key, checked);
            }
            checked = check(token);
            if (checked == null) {
                return Optional.empty();
            }
            verified.put(key, checked);
        }
        if (revocations.isRevoked(checked.caller(), checked.issuedAtMillis())) {
            return Optional.empty();
        }
        return Optional.of(new Verified(checked.caller(), checked.groups()));
    }

    /** A token's signature, type, issuer and times checked by the processor; null: not valid. */
    private Checked check(String token) {
        try {
            JWTClaimsSet claims = processor.process(token, null);
            if (!issuers.contains(claims.getIssuer())) {
                return null;
            }
            String caller = Optional.ofNullable(claims.getStringClaim("upn"))
                    .or(() -> Optional.ofNullable(stringClaim(claims, "preferred_username")))
                    .orElse(claims.getSubject());
            Long issuedAtMillis = claims.getLongClaim(ISSUED_AT_MILLIS);
            List<String> groups = claims.getStringListClaim("groups");
            return new Checked(
                    caller,
                    groups == null ? Set.of() : Set.copyOf(groups),
                    issuedAtMillis != null
                            ? issuedAtMillis
                            : claims.getIssueTime().getTime(),
                    claims.getExpirationTime().getTime());
        } catch (ParseException | JOSEException | com.nimbusds.jose.proc.BadJOSEException e) {
            return null;
        }
    }

    /** The key a checked token is remembered by: its SHA-256, so that no bearer token is kept. */
    private static String digest(String token) {
        try {
            return Base64.getEncoder()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public long lifetimeSeconds() {
        return settings.tokenLifetimeSeconds();
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            return null;
        }
    }

    private static JWK parseKey(String value) {
        try {
            JWK key = JWK.parse(read(value));
            if (!key.isPrivate()) {
                throw new IllegalStateException("RELAIS_JWT_SIGNING_KEY must be a private key");
            }
            return key;
        } catch (ParseException | IOException e) {
            throw new IllegalStateException("RELAIS_JWT_SIGNING_KEY is not a JWK", e);
        }
    }

    private static JWK generatedKey() {
        try {
            LOG.warning("RELAIS_JWT_SIGNING_KEY is not set: tokens are signed with a key generated at start"
                    + " (valid on this instance until it stops; a cluster must configure one key)");
            // RSA: on the JDK an RS256 signature verifies several times faster than an ES256 one
            return new RSAKeyGenerator(2048)
                    .keyID("relais-" + UUID.randomUUID())
                    .keyUse(KeyUse.SIGNATURE)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSON value inline, or the content of the file it names. */
    private static String read(String value) throws IOException {
        String v = value.strip();
        if (v.startsWith("{")) {
            return v;
        }
        try {
            return Files.readString(Path.of(v));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + v, e);
        }
    }
}
