package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import fr.relais.launcher.Database;
import fr.relais.launcher.RelaisServer;
import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Authentication and the protections around it, over HTTP against the application as the run
 * command starts it (the server shared with the other system tests). Accounts that get locked or
 * disabled are created here ({@code essai-*}), never the demo accounts other tests use. The
 * server's token keys are the test keys of {@code src/test/resources/security} (see the failsafe
 * configuration).
 */
class SecurityIT {
    static final RelaisServer server = TestEnvironment.server();
    static final String PAGE_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
            + " font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self';"
            + " frame-ancestors 'none'; script-src 'self'";
    static final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    static final int TIMING_ROUNDS = 50;

    @BeforeAll
    static void accounts() throws Exception {
        for (String user : List.of("essai-jeton", "essai-revocation", "essai-verrou", "essai-cache")) {
            createOperator(user);
        }
        for (int i = -5; i < TIMING_ROUNDS; i++) {
            createOperator("essai-temps" + i);
        }
    }

    // --- tokens

    @Test
    void aPasswordIsExchangedForAShortLivedTokenThatAuthenticatesTheApi() throws Exception {
        var issued = Api.as(server.baseUrl(), "essai-jeton", "operateur").post("/tokens", null);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        assertThat(issued.json().getString("token_type")).isEqualTo("Bearer");
        assertThat(issued.json().getInt("expires_in")).isEqualTo(300);
        String token = issued.json().getString("access_token");

        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("relais");
        assertThat(claims.getSubject()).isEqualTo("essai-jeton");
        assertThat(claims.getStringClaim("upn")).isEqualTo("essai-jeton");
        assertThat(claims.getStringListClaim("groups")).containsExactly("OPERATOR");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(Duration.between(
                        claims.getIssueTime().toInstant(),
                        claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(5));

        var me = bearer(token).get("/me");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().getString("name")).isEqualTo("essai-jeton");
        assertThat(bearer(token).post("/tokens", null).status())
                .as("a token does not buy another token")
                .isEqualTo(401);
    }

    @Test
    void forgedExpiredAndUnsignedTokensAreRefused() throws Exception {
        JWK relaisKey = JWK.parse(Files.readString(testKey("relais-signing-key.json")));
        String valid = sign(relaisKey, claims("relais", "essai-jeton", Instant.now(), Duration.ofMinutes(5)));
        assertThat(bearer(valid).get("/me").status())
                .as("a token made with the server's key passes: the refusals below are for their reason")
                .isEqualTo(200);

        String expired = sign(
                relaisKey, claims("relais", "essai-jeton", Instant.now().minusSeconds(900), Duration.ofMinutes(5)));
        assertRefused(expired);

        ECKey otherKey = new ECKeyGenerator(Curve.P_256).keyID("relais-test").generate();
        assertRefused(sign(otherKey, claims("relais", "essai-jeton", Instant.now(), Duration.ofMinutes(5))));

        String[] parts = valid.split("\\.");
        String elevated = Base64URL.encode(claims("relais", "superviseur", Instant.now(), Duration.ofMinutes(5))
                        .toString())
                .toString();
        assertRefused(parts[0] + "." + elevated + "." + parts[2]);

        assertRefused(new PlainJWT(claims("relais", "essai-jeton", Instant.now(), Duration.ofMinutes(5))).serialize());
        assertRefused(sign(
                relaisKey,
                claims("https://someone-else.example", "essai-jeton", Instant.now(), Duration.ofMinutes(5))));
        assertRefused("not-a-token");
    }

    @Test
    void tokensOfTheConfiguredOpenIdConnectProviderAreAccepted() throws Exception {
        JWK providerKey = JWK.parse(Files.readString(testKey("external-provider-key.json")));
        JWTClaimsSet fromProvider = new JWTClaimsSet.Builder()
                .issuer("https://idp.example.test/realms/relais")
                .subject(UUID.randomUUID().toString())
                .claim("preferred_username", "essai-jeton")
                .claim("groups", List.of("OPERATOR"))
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        var me = bearer(sign(providerKey, fromProvider)).get("/me");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().getString("name")).isEqualTo("essai-jeton");

        JWTClaimsSet otherIssuer = new JWTClaimsSet.Builder(fromProvider)
                .issuer("https://idp.example.test/realms/other")
                .build();
        assertRefused(sign(providerKey, otherIssuer));
    }

    @Test
    void disablingAnAccountRevokesItsTokensAndCachedCredentialsAtOnce() throws Exception {
        Api basic = Api.as(server.baseUrl(), "essai-revocation", "operateur");
        String token = basic.post("/tokens", null).json().getString("access_token");
        assertThat(bearer(token).get("/me").status()).isEqualTo(200);
        assertThat(basic.get("/me").status()).isEqualTo(200);
        assertThat(basic.get("/me").status())
                .as("now from the credentials cache")
                .isEqualTo(200);

        assertThat(Api.as(server.baseUrl(), "operateur")
                        .post("/users/essai-revocation/disable", null)
                        .status())
                .as("only an administrator disables")
                .isEqualTo(403);
        var disabled = Api.as(server.baseUrl(), "admin").post("/users/essai-revocation/disable", null);
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(204);

        assertThat(bearer(token).get("/me").status()).isEqualTo(401);
        assertThat(basic.get("/me").status()).isEqualTo(401);
        assertThat(basic.post("/tokens", null).status()).isEqualTo(401);
        assertThat(AccountsSystemIT.auditEvents("essai-revocation")).contains("account_disabled");
    }

    // --- Basic and its cache

    @Test
    void basicCredentialsAreHashedOnceThenServedFromTheCache() {
        Api basic = Api.as(server.baseUrl(), "essai-cache", "operateur");
        assertThat(basic.get("/me").status()).isEqualTo(200);
        List<Long> cached = new ArrayList<>();
        List<Long> hashed = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            cached.add(timed(() -> assertThat(basic.get("/me").status()).isEqualTo(200)));
            // the token endpoint never uses the cache: one PBKDF2 check per call
            hashed.add(
                    timed(() -> assertThat(basic.post("/tokens", null).status()).isEqualTo(200)));
        }
        assertThat(median(cached))
                .as("median ms, cached %s vs hashed %s", cached, hashed)
                .isLessThan(median(hashed) / 2);
        assertThat(Api.as(server.baseUrl(), "essai-cache", "autre-chose")
                        .get("/me")
                        .status())
                .as("the cache is keyed by the password too")
                .isEqualTo(401);
    }

    // --- throttling

    @Test
    void repeatedFailuresDelayThenLockTheAccountWithoutBlockingOthers() throws Exception {
        Api wrong = Api.as(server.baseUrl(), "essai-verrou", "mauvais");
        Api right = Api.as(server.baseUrl(), "essai-verrou", "operateur");
        for (int i = 0; i < 5; i++) {
            assertThat(wrong.get("/me").status()).isEqualTo(401);
        }
        var throttled = rawGet("/api/v1/me", "essai-verrou", "operateur");
        assertThat(throttled.statusCode()).as("even the right password waits").isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(throttled.body()).contains("\"error\":\"too_many_attempts\"");
        assertThat(Api.as(server.baseUrl(), "operateur").get("/me").status())
                .as("another account from the same address")
                .isEqualTo(200);
        assertThat(formLogin("essai-jeton", "mauvais"))
                .contains("Identifiant ou mot de passe incorrect")
                .doesNotContain("current-user");

        // growing delays: 1, 2, 3, 4, 5 s after the 5th to 9th failures, then locked at the 10th
        int failures = 5;
        long longestWait = 0;
        while (failures < 10) {
            var attempt = rawGet("/api/v1/me", "essai-verrou", "mauvais");
            if (attempt.statusCode() == 429) {
                long wait = Long.parseLong(
                        attempt.headers().firstValue("Retry-After").orElseThrow());
                assertThat(wait).isBetween(1L, failures - 4L);
                longestWait = Math.max(longestWait, wait);
                Thread.sleep(wait * 1000 + 100);
            } else {
                assertThat(attempt.statusCode()).isEqualTo(401);
                failures++;
            }
        }
        assertThat(longestWait).as("the delays grow").isGreaterThanOrEqualTo(3);
        var locked = rawGet("/api/v1/me", "essai-verrou", "operateur");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow()))
                .isGreaterThan(14 * 60);
        assertThat(securityEvents("essai-verrou")).contains("account_locked");
        assertThat(right.post("/tokens", null).status()).isEqualTo(429);
        assertThat(formLogin("essai-verrou", "operateur")).contains("Trop de tentatives de connexion");
        assertThat(Api.as(server.baseUrl(), "operateur").get("/me").status()).isEqualTo(200);
        assertThat(formLogin("superviseur", "superviseur")).contains("current-user");
    }

    @Test
    void anUnknownUserCostsTheSameAndGetsTheSameAnswerAsAWrongPassword() {
        // one wrong password per account (essai-temps<i>), so throttling never enters the measure;
        // pairs in alternating order, so load from elsewhere weighs on both sides alike
        List<Long> unknown = new ArrayList<>();
        List<Long> wrong = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        for (int i = -5; i < TIMING_ROUNDS; i++) {
            Api stranger = Api.as(server.baseUrl(), "inconnu-" + UUID.randomUUID(), "mauvais");
            Api wrongPassword = Api.as(server.baseUrl(), "essai-temps" + i, "mauvais");
            long u;
            long w;
            if (i % 2 == 0) {
                u = timed(() -> answers.add(stranger.get("/me").toString()));
                w = timed(() -> answers.add(wrongPassword.get("/me").toString()));
            } else {
                w = timed(() -> answers.add(wrongPassword.get("/me").toString()));
                u = timed(() -> answers.add(stranger.get("/me").toString()));
            }
            if (i >= 0) {
                unknown.add(u);
                wrong.add(w);
            }
        }
        assertThat(Collections.frequency(answers, answers.get(0)))
                .as("same answer: %s", answers.get(0))
                .isEqualTo(answers.size());
        assertThat(answers.get(0)).startsWith("401 ");
        double mu = median(unknown);
        double mw = median(wrong);
        assertThat(Math.abs(mu - mw))
                .as("median ms: unknown user %s, wrong password %s (%s / %s)", mu, mw, unknown, wrong)
                .isLessThanOrEqualTo(0.10 * Math.max(mu, mw));
    }

    // --- headers, cookies, error pages

    @Test
    void screensAndApiCarryTheSecurityHeaders() throws Exception {
        var page = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/login.xhtml")));
        assertThat(page.statusCode()).isEqualTo(200);
        List<String> policies = page.headers().allValues("Content-Security-Policy");
        assertThat(policies).hasSize(1);
        assertThat(policies.get(0)).matches(Pattern.quote(PAGE_POLICY) + " 'nonce-[A-Za-z0-9+/=_-]+';");
        assertThat(policies.get(0)).doesNotContain("unsafe-eval");
        assertThat(page.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(page.headers().allValues("Referrer-Policy")).containsExactly("same-origin");
        assertThat(page.headers().allValues("Cache-Control")).containsExactly("no-store");
        String cookie = page.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("; HttpOnly").doesNotContain("Secure");
        // attribute values are case-insensitive (RFC 6265bis); Payara writes "lax"
        assertThat(cookie).containsIgnoringCase("; SameSite=Lax");
        assertNoServerName(page);

        var api = rawGet("/api/v1/me", "operateur", "operateur");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().allValues("Content-Security-Policy"))
                .containsExactly("default-src 'none'; frame-ancestors 'none'");
        assertThat(api.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(api.headers().allValues("Referrer-Policy")).containsExactly("same-origin");
        assertThat(api.headers().allValues("Cache-Control")).containsExactly("no-store");
        assertNoServerName(api);
    }

    @Test
    void errorPagesAreTheApplicationsOwnInFrench() throws Exception {
        for (String path : List.of("/nulle-part.xhtml", "/nulle-part")) {
            var missing = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)));
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).contains("Page introuvable").contains("lang=\"fr\"");
            assertNoServerName(missing);
        }

        HttpClient browser = browserLike();
        assertThat(formLogin(browser, "agent-versailles", "agent-versailles")).contains("current-user");
        var forbidden = browser.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/operator/tasks.xhtml"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("Accès refusé").doesNotContain("tasks:queue");
        assertNoServerName(forbidden);

        var expired = browserLike()
                .send(
                        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/login.xhtml"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                                        "login", "login", "jakarta.faces.ViewState", "-123:456", "login:submit", ""))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(expired.statusCode()).as(expired.body()).isEqualTo(200);
        assertThat(expired.uri().getPath()).isEqualTo("/expired.xhtml");
        assertThat(expired.body()).contains("Session expirée");
        assertNoServerName(expired);
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsParsed() throws Exception {
        String big = "{\"platform\":\"GENERALIST\",\"door\":\"VICTIM\",\"topic\":\"x\",\"message\":\""
                + "a".repeat(300 * 1024) + "\"}";
        var declared = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/citizen/chats"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(big)));
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).contains("\"error\":\"payload_too_large\"");

        var chunked = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/citizen/chats"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))));
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
        assertThat(chunked.body()).contains("\"error\":\"payload_too_large\"");

        var form = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("login=login&x=" + "a".repeat(300 * 1024))));
        assertThat(form.statusCode()).isEqualTo(413);
        assertThat(form.body()).contains("Requête trop volumineuse");

        var small = Api.anonymous(server.baseUrl())
                .post(
                        "/citizen/chats",
                        "{\"platform\":\"GENERALIST\",\"door\":\"VICTIM\",\"topic\":\"x\"," + "\"message\":\""
                                + "a".repeat(1000) + "\"}");
        assertThat(small.status()).as(small.toString()).isEqualTo(201);
    }

    // --- helpers

    static void assertRefused(String token) {
        var reply = bearer(token).get("/me");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.json().getString("error")).isEqualTo("invalid_token");
    }

    static void assertNoServerName(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("X-Powered-By")).isEmpty();
        assertThat(response.headers().allValues("Server"))
                .as("the listener writes no Server header (the launcher's pre-boot commands)")
                .isEmpty();
        assertThat(response.body()).doesNotContainIgnoringCase("payara").doesNotContainIgnoringCase("glassfish");
    }

    static Api bearer(String token) {
        return Api.withAuthorization(server.baseUrl(), "Bearer " + token);
    }

    static JWTClaimsSet claims(String issuer, String user, Instant issuedAt, Duration lifetime) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(user)
                .claim("upn", user)
                .claim("groups", List.of("OPERATOR"))
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .build();
    }

    static String sign(JWK key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .type(JOSEObjectType.JWT)
                        .keyID(key.getKeyID())
                        .build(),
                claims);
        jwt.sign(new ECDSASigner(key.toECKey()));
        return jwt.serialize();
    }

    static Path testKey(String name) {
        return Path.of(System.getProperty("relais.build.dir", "target"))
                .getParent()
                .resolve("src/test/resources/security")
                .resolve(name);
    }

    static HttpResponse<String> rawGet(String path, String user, String password) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))));
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpClient browserLike() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    static String formLogin(String user, String password) throws Exception {
        return formLogin(browserLike(), user, password);
    }

    /** Logs in on the login page as a browser would; returns the page that follows. */
    static String formLogin(HttpClient browser, String user, String password) throws Exception {
        String page = browser.send(
                        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/login.xhtml"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher viewState = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"")
                .matcher(page);
        assertThat(viewState.find()).as(page).isTrue();
        // PrimeFaces' CSP mode expects the page's nonce back with a post, as its script sends it
        Matcher nonce = Pattern.compile("nonce=\"([^\"]+)\"").matcher(page);
        assertThat(nonce.find()).as(page).isTrue();
        return browser.send(
                        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/login.xhtml"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                                        "login",
                                        "login",
                                        "login:username",
                                        user,
                                        "login:password",
                                        password,
                                        "login:submit",
                                        "",
                                        "jakarta.faces.ViewState",
                                        viewState.group(1),
                                        "primefaces.nonce",
                                        nonce.group(1)))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static long timed(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    static Connection database() throws Exception {
        Database.Settings db = TestEnvironment.systemDatabase();
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }

    /** An operator of the generalist platform whose password is "operateur" (the demo hash). */
    static void createOperator(String user) throws Exception {
        try (Connection c = database()) {
            try (PreparedStatement insert = c.prepareStatement("insert ignore into app_user"
                    + " (username, password_hash, display_name, platform, unit_code, enabled)"
                    + " select ?, password_hash, ?, platform, null, true from app_user where username = 'operateur'")) {
                insert.setString(1, user);
                insert.setString(2, "Compte d'essai " + user);
                insert.executeUpdate();
            }
            try (PreparedStatement role =
                    c.prepareStatement("insert ignore into app_user_role (username, role) values (?, 'OPERATOR')")) {
                role.setString(1, user);
                role.executeUpdate();
            }
        }
    }

    static List<String> securityEvents(String user) throws Exception {
        try (Connection c = database();
                PreparedStatement query = c.prepareStatement("select kind from security_event where username = ?")) {
            query.setString(1, user);
            List<String> kinds = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    kinds.add(rows.getString(1));
                }
            }
            return kinds;
        }
    }
}
