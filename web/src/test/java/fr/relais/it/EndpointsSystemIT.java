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
    static final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

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
