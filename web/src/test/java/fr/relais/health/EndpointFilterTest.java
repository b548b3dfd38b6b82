package fr.relais.health;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointFilterTest {
    static final String DOWN_IN_FULL =
            "{\"status\":\"DOWN\",\"checks\":[{\"name\":\"relais\",\"status\":\"DOWN\",\"data\":{\"error\":\"SQLException\"}}]}";

    /** Payara's health servlet, answering DOWN with the check's data. */
    final FilterChain healthDown = (req, res) -> {
        ((HttpServletResponse) res).setStatus(503);
        res.setContentLength(DOWN_IN_FULL.length());
        res.getWriter().write(DOWN_IN_FULL);
        res.flushBuffer();
    };

    final StringWriter body = new StringWriter();
    final Map<String, Object> response = new HashMap<>(Map.of("status", 200));

    @Test
    void aCallerFromElsewhereLearnsThatTheApplicationIsDownButNotWhy() throws Exception {
        new EndpointFilter(false).doFilter(request("10.0.0.5", "/health", null), response(), healthDown);

        assertThat(response.get("status")).isEqualTo(503);
        assertThat(body).hasToString("{\"status\":\"DOWN\"}");
    }

    @Test
    void aLocalProxyPassingOnSomeoneElsesRequestIsNotTheMachineItself() throws Exception {
        new EndpointFilter(false).doFilter(request("127.0.0.1", "/health", "198.51.100.4"), response(), healthDown);

        assertThat(body).hasToString("{\"status\":\"DOWN\"}");
    }

    @Test
    void theMachineItselfGetsTheWholeAnswer() throws Exception {
        new EndpointFilter(false).doFilter(request("127.0.0.1", "/health", null), response(), healthDown);

        assertThat(body).hasToString(DOWN_IN_FULL);
    }

    @Test
    void openEndpointsAnswerAnyoneInFull() throws Exception {
        new EndpointFilter(true).doFilter(request("10.0.0.5", "/health", null), response(), healthDown);

        assertThat(body).hasToString(DOWN_IN_FULL);
    }

    @Test
    void metricsAreNotFoundFromElsewhere() throws Exception {
        FilterChain metrics = (req, res) -> res.getWriter().write("# TYPE base_memory_usedHeap_bytes gauge");

        new EndpointFilter(false).doFilter(request("10.0.0.5", "/metrics", null), response(), metrics);

        assertThat(response.get("status")).isEqualTo(404);
        assertThat(body.toString()).isEmpty();
    }

    static HttpServletRequest request(String peer, String servletPath, String forwardedFor) {
        return (HttpServletRequest) Proxy.newProxyInstance(
                EndpointFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> peer;
                    case "getServletPath" -> servletPath;
                    case "getHeader" -> "X-Forwarded-For".equalsIgnoreCase((String) args[0]) ? forwardedFor : null;
                    default -> null;
                });
    }

    HttpServletResponse response() {
        PrintWriter writer = new PrintWriter(body, true);
        return (HttpServletResponse) Proxy.newProxyInstance(
                EndpointFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "setStatus" -> response.put("status", args[0]);
                    case "getStatus" -> response.get("status");
                    case "getWriter" -> writer;
                    case "isCommitted" -> false;
                    default -> null;
                });
    }
}
