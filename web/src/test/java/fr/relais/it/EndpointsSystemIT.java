package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.launcher.RelaisServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What Payara Micro's own endpoints tell a caller, on the shared server, which runs with the
 * endpoints closed as outside a demo. A caller from elsewhere comes through the load balancer,
 * hence the proxy header; the machine itself is the launcher or the container's health check.
 */
class EndpointsSystemIT {
    static final RelaisServer server = TestEnvironment.server();
    static final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> fromElsewhere(String path) throws Exception {
        return get(path, "X-Forwarded-For", "203.0.113.7");
    }

    /**
     * A request asking to upgrade to HTTP/2 over plain HTTP (h2c, what Java's HttpClient sends by
     * default) is answered in HTTP/1.1: the upgrade once deadlocked Payara's HTTP/2 code and the caller
     * waited for good (the launcher's readiness poll, in CI). A hang fails here on the read timeout.
     */
    @Test
    void anUpgradeToHttp2OverPlainHttpIsAnsweredInHttp1() throws Exception {
        URI base = URI.create(server.baseUrl());
        for (int i = 0; i < 3; i++) {
            try (var socket = new java.net.Socket(base.getHost(), base.getPort())) {
                socket.setSoTimeout(30_000);
                socket.getOutputStream()
                        .write(("GET /health/ready HTTP/1.1\r\nHost: " + base.getAuthority()
                                        + "\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
                                        + "HTTP2-Settings: AAEAAEAAAAIAAAABAAMAAABkAAQBAAAAAAUAAEAA\r\n\r\n")
                                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(
                                socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII))
                        .readLine();
                assertThat(statusLine).isEqualTo("HTTP/1.1 200 OK");
            }
        }
        HttpClient http2ByDefault = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        var answered = http2ByDefault
                .sendAsync(
                        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/health/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(answered.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(answered.statusCode()).isEqualTo(200);
    }

    @Test
    void aCallerFromElsewhereGetsOnlyTheHealthStatus() throws Exception {
        for (String path : new String[] {"/health", "/health/ready", "/health/live", "/health/started"}) {
            var health = fromElsewhere(path);
            assertThat(health.statusCode()).as(path).isEqualTo(200);
            assertThat(health.body()).as(path).isEqualTo("{\"status\":\"UP\"}");
        }
    }

    @Test
    void aCallerFromElsewhereGetsNoMetricsNorApiDocument() throws Exception {
        for (String path : new String[] {"/metrics", "/metrics/base", "/openapi", "/openapi/", "/metrics;x=1"}) {
            var closed = fromElsewhere(path);
            assertThat(closed.statusCode()).as(path).isEqualTo(404);
            assertThat(closed.body()).as(path).isEmpty();
        }
    }

    @Test
    void theMachineItselfSeesTheApplicationsChecksAndMetrics() throws Exception {
        var ready = get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"relais\"").contains("\"database\":\"UP\"");
        assertThat(get("/metrics").statusCode()).isEqualTo(200);
        assertThat(get("/openapi").body()).contains("/api/v1/");
    }

    @Test
    void noHeaderNamesTheServer() throws Exception {
        var response = fromElsewhere("/health");
        assertThat(response.headers().firstValue("Server")).isEmpty();
        assertThat(response.headers().firstValue("X-Powered-By")).isEmpty();
    }
}
