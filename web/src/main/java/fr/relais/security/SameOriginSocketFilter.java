package fr.relais.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;

/**
 * The staff's socket authenticates by the session cookie, which a browser also sends with a
 * handshake a page of another site opens (cross-site WebSocket hijacking; the cookie has no
 * SameSite, Payara 6 ignores web.xml's): a handshake whose {@code Origin} is not the host it was sent
 * to ({@code Host}, which the balancer keeps) is answered 403. Without {@code Origin} (not a
 * browser) it goes on: the session is then the only key, as for any request.
 */
@WebFilter(urlPatterns = "/ws/staff", dispatcherTypes = DispatcherType.REQUEST)
public class SameOriginSocketFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!sameOrigin(request.getHeader("Origin"), request.getHeader("Host"))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean sameOrigin(String origin, String host) {
        if (origin == null) {
            return true;
        }
        if (host == null) {
            return false;
        }
        try {
            String authority = URI.create(origin.strip()).getRawAuthority();
            return authority != null
                    && authority.toLowerCase(Locale.ROOT).equals(host.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
