package fr.relais.security;

import fr.relais.intake.api.CitizenChatResource;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Rate limits of the public citizen endpoints, before anything is read or stored: every request to
 * {@code /api/v1/citizen/…}, to the public appointment booking ({@code /api/v1/appointments…}) and every
 * citizen socket handshake counts for its client address, an
 * opening ({@code POST /api/v1/citizen/chats}) also among the address's openings, a report made with
 * the form ({@code POST /api/v1/citizen/reports}) among the address's reports, and a request with
 * a chat token for that token. Past a limit: 429 {@code rate_limited} with {@code Retry-After} (the
 * end of the minute). The socket counts its frames per chat itself ({@code CitizenChatSocket}).
 */
@WebFilter(
        urlPatterns = {"/api/v1/citizen/*", "/api/v1/appointments/*", "/ws/citizen/*"},
        dispatcherTypes = DispatcherType.REQUEST)
public class CitizenRateLimitFilter extends HttpFilter {
    public static final String ADDRESS = "citizen-address";
    public static final String OPENINGS = "citizen-openings";
    public static final String REPORTS = "citizen-reports";
    public static final String TOKEN = "citizen-token";

    @Inject
    RateLimiter limiter;

    @Inject
    CitizenLimits limits;

    @Inject
    ClientAddress clientAddress;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String address = clientAddress.of(request);
        long wait = limiter.hit(ADDRESS, address, limits.requestsPerAddress());
        if (wait == 0 && "POST".equals(request.getMethod()) && isOpening(request)) {
            wait = limiter.hit(OPENINGS, address, limits.chatsPerAddress());
        }
        if (wait == 0 && "POST".equals(request.getMethod()) && isReport(request)) {
            wait = limiter.hit(REPORTS, address, limits.reportsPerAddress());
        }
        String token = request.getHeader(CitizenChatResource.TOKEN_HEADER);
        if (wait == 0 && token != null) {
            wait = limiter.hit(TOKEN, tokenKey(token), limits.requestsPerToken());
        }
        if (wait > 0) {
            refuse(response, wait);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isOpening(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api/v1/citizen/chats") || path.equals("/api/v1/citizen/chats/");
    }

    private static boolean isReport(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api/v1/citizen/reports") || path.equals("/api/v1/citizen/reports/");
    }

    /** What a token is counted under: a hash, so that no token sits in the data grid. */
    public static String tokenKey(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void refuse(HttpServletResponse response, long retryAfterSeconds) throws IOException {
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(retryAfterSeconds));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write(
                        "{\"error\":\"rate_limited\",\"message\":\"Trop de requêtes depuis votre connexion : réessayez dans "
                                + retryAfterSeconds + " secondes.\"}");
    }
}
