package fr.relais.health;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What Payara Micro's own endpoints tell a caller. Payara registers {@code /health}, {@code
 * /metrics} and {@code /openapi} in the application deployed at the root context, so this filter
 * sees their requests.
 *
 * <p>Open ({@code RELAIS_OPEN_ENDPOINTS=true}; by default in demo mode, {@code RELAIS_DEMO}) or
 * called from the machine itself (a loopback address and no proxy header: the launcher, the
 * container's health check, a local metrics agent), they answer in full. Otherwise a caller gets
 * only the health status, {@code {"status":"UP"}} or {@code DOWN} with the same HTTP status (200 or
 * 503), and 404 from metrics and the OpenAPI document: check names and data (database, engine,
 * errors), metrics and the API's map are for operators, not for passers-by.
 */
@WebFilter(
        filterName = "endpoints",
        urlPatterns = {"/health", "/health/*", "/metrics", "/metrics/*", "/openapi", "/openapi/*"})
public class EndpointFilter extends HttpFilter {
    public static final String OPEN = "RELAIS_OPEN_ENDPOINTS";

    private boolean open;

    public EndpointFilter() {}

    /** Already decided, for tests: {@link #init()} reads the configuration. */
    EndpointFilter(boolean open) {
        this.open = open;
    }

    @Override
    public void init() {
        Config config = ConfigProvider.getConfig();
        boolean demo = config.getOptionalValue("RELAIS_DEMO", Boolean.class).orElse(false);
        open = config.getOptionalValue(OPEN, Boolean.class).orElse(demo);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (open || isLocal(request)) {
            chain.doFilter(request, response);
        } else if (request.getServletPath().startsWith("/health")) {
            StatusOnly status = new StatusOnly(response);
            chain.doFilter(request, status);
            response.resetBuffer();
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter()
                    .write(
                            response.getStatus() == HttpServletResponse.SC_OK
                                    ? "{\"status\":\"UP\"}"
                                    : "{\"status\":\"DOWN\"}");
        } else {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    /** The machine itself: a loopback peer that is not a local proxy passing on someone else's request. */
    static boolean isLocal(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        boolean loopback =
                peer != null && (peer.startsWith("127.") || peer.equals("::1") || peer.equals("0:0:0:0:0:0:0:1"));
        return loopback && request.getHeader("Forwarded") == null && request.getHeader("X-Forwarded-For") == null;
    }

    /** Keeps the status Payara's health servlet sets and drops the body it writes. */
    private static final class StatusOnly extends HttpServletResponseWrapper {
        private final ServletOutputStream discard = new ServletOutputStream() {
            @Override
            public void write(int b) {}

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {}
        };

        StatusOnly(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return discard;
        }

        @Override
        public PrintWriter getWriter() {
            return new PrintWriter(new OutputStreamWriter(discard, StandardCharsets.UTF_8));
        }

        @Override
        public void setContentLength(int length) {}

        @Override
        public void setContentLengthLong(long length) {}

        @Override
        public void flushBuffer() {}
    }
}
