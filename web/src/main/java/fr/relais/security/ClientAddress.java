package fr.relais.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The client's address for throttling: the connection's peer, or, when the peer is a configured
 * reverse proxy (RELAIS_TRUSTED_PROXIES), the last address it appended to {@code X-Forwarded-For}.
 * The header is never believed from anyone else: a client could otherwise pick a new address per
 * guess.
 */
@ApplicationScoped
public class ClientAddress {
    @Inject
    SecuritySettings settings;

    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && settings.trustedProxies().contains(peer)) {
            String[] hops = forwarded.split(",");
            String last = hops[hops.length - 1].strip();
            if (!last.isEmpty()) {
                return last;
            }
        }
        return peer;
    }
}
