package fr.relais.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API as a real client drives it: one HTTP client with kept-alive connections, and for each
 * account a bearer token from {@code POST /api/v1/tokens}, fetched once and refreshed before it
 * expires. Falls back to HTTP Basic on every call when the server issues no token. Not final: the
 * crash harness's client ({@link RetryingApi}) retries its calls through a server's outage.
 */
class Api {
    enum Auth {
        BEARER,
        BASIC
    }

    static final String TOKENS = "POST /tokens";

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");

    private final HttpClient http;
    private final String base;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    /** Passwords of accounts that are not the demo's (whose password is the user name). */
    private final Map<String, String> passwords = new ConcurrentHashMap<>();

    private volatile Auth auth;

    record Reply(int status, String body) {
        long id() {
            return Long.parseLong(find(ID, body));
        }

        String chatToken() {
            return find(TOKEN, body);
        }

        String reportStatus() {
            return find(STATUS, body);
        }
    }

    private record Token(String value, long refreshAt) {}

    Api(String baseUrl) {
        this.base = baseUrl + "/api/v1";
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Asks for a token once: bearer tokens when the server issues them, else Basic on each call. */
    Auth detectAuth(String user) {
        try {
            Reply reply = send("POST", "/tokens", null, basic(user));
            if (reply.status() == 200 && ACCESS_TOKEN.matcher(reply.body()).find()) {
                tokens.put(user, token(reply));
                auth = Auth.BEARER;
            } else {
                auth = Auth.BASIC;
            }
        } catch (IOException e) {
            throw new IllegalStateException("server unreachable at " + base, e);
        }
        return auth;
    }

    Auth auth() {
        return auth;
    }

    /** {@code user}'s password, for an account the harness made (the demo's are their user names). */
    void password(String user, String password) {
        passwords.put(user, password);
    }

    /** One call with HTTP Basic and the given password, untimed (setting up accounts). */
    Reply basicCall(String method, String path, String json, String user, String password) {
        try {
            return send(method, path, json, basic(user, password));
        } catch (IOException e) {
            throw new IllegalStateException("server unreachable at " + base, e);
        }
    }

    /** A call timed into {@code stats} under {@code call}; a transport failure counts as status 0. */
    Reply call(Stats stats, String call, String method, String path, String json, String user, String... headers) {
        String authorization = user == null ? null : authorization(stats, user);
        long start = System.nanoTime();
        try {
            Reply reply = send(method, path, json, authorization, headers);
            stats.record(call, System.nanoTime() - start);
            if (reply.status() == 401 && user != null) {
                tokens.remove(user);
            }
            return reply;
        } catch (IOException e) {
            stats.record(call, System.nanoTime() - start);
            return new Reply(0, e.toString());
        }
    }

    private String authorization(Stats stats, String user) {
        if (auth == Auth.BASIC) {
            return basic(user);
        }
        Token token = tokens.get(user);
        if (token == null || System.nanoTime() - token.refreshAt() > 0) {
            synchronized (this) {
                token = tokens.get(user);
                if (token == null || System.nanoTime() - token.refreshAt() > 0) {
                    long start = System.nanoTime();
                    try {
                        Reply reply = send("POST", "/tokens", null, basic(user));
                        stats.record(TOKENS, System.nanoTime() - start);
                        if (reply.status() != 200) {
                            stats.error(TOKENS, String.valueOf(reply.status()));
                            return basic(user);
                        }
                        token = token(reply);
                        tokens.put(user, token);
                    } catch (IOException e) {
                        stats.error(TOKENS, "0");
                        return basic(user);
                    }
                }
            }
        }
        return "Bearer " + token.value();
    }

    /** Refreshed at two thirds of its life, so that no call carries an expired token. */
    private static Token token(Reply reply) {
        long lifetime = Long.parseLong(find(EXPIRES_IN, reply.body()));
        return new Token(find(ACCESS_TOKEN, reply.body()), System.nanoTime() + lifetime * 2 / 3 * 1_000_000_000L);
    }

    private Reply send(String method, String path, String json, String authorization, String... headers)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .method(
                        method,
                        json == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private String basic(String user) {
        return basic(user, passwords.getOrDefault(user, user));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String find(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in " + body);
        }
        return m.group(1);
    }
}
