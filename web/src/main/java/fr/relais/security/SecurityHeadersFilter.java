package fr.relais.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on every response. The screens' Content-Security-Policy is PrimeFaces' own
 * (nonce-based, {@code primefaces.CSP} and {@code primefaces.CSP_POLICY} in web.xml), since only
 * it knows each page's nonce; the API's is set here. Static resources (Faces resources and the npm
 * packages under {@code /static}) stay cacheable; everything
 * else (screens, JSON) is {@code no-store}.
 */
@WebFilter(
        urlPatterns = "/*",
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {
    public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    public static final String REFERRER_POLICY = "same-origin";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", REFERRER_POLICY);
        if (path.startsWith("/api/")) {
            response.setHeader("Content-Security-Policy", API_POLICY);
        }
        if (!path.startsWith("/jakarta.faces.resource/") && !path.startsWith("/static/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
