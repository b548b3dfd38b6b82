package fr.relais.security;

import fr.relais.directory.control.Revocations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * The one authentication mechanism of the application (Jakarta Security allows one). Under {@code
 * /api/}: a bearer token (verified by signature, no database query), or HTTP Basic for scripts
 * (throttled, with a short-lived cache of verified credentials); the token endpoint takes Basic
 * only, so a token never buys another. Elsewhere: a form login (the login page calls {@code
 * SecurityContext.authenticate}), throttled too, remembered in the HTTP session.
 */
@ApplicationScoped
public class RelaisAuthentication implements HttpAuthenticationMechanism {
    static final String SESSION_CALLER = "relais.caller";
    static final String SESSION_GROUPS = "relais.groups";
    /** When the session's sign-in happened (epoch milliseconds): a revocation after it ends the session. */
    static final String SESSION_SIGNED_IN_AT = "relais.signedInAt";
    /** Request attribute: seconds before a throttled login may be tried again. */
    static final String RETRY_AFTER = "relais.retryAfter";
    /** Request attribute: the login form's credentials were refused. */
    static final String LOGIN_REFUSED = "relais.loginRefused";

    public static final String LOGIN_PAGE = "/login.xhtml";
    static final String TOKEN_PATH = "/api/v1/tokens";

    @Inject
    PasswordCheck passwords;

    @Inject
    Tokens tokens;

    @Inject
    ClientAddress clientAddress;

    @Inject
    Revocations revocations;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") ? api(path, request, response, context) : form(request, context);
    }

    private AuthenticationStatus api(
            String path, HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && !path.equals(TOKEN_PATH)) {
            return tokens.verify(header.substring(7).trim())
                    .map(caller -> context.notifyContainerAboutLogin(caller.caller(), caller.groups()))
                    .orElseGet(() -> refuse(
                            response,
                            401,
                            "Bearer error=\"invalid_token\"",
                            "invalid_token",
                            "Jeton invalide, expiré ou révoqué.",
                            0));
        }
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            UsernamePasswordCredential credential = decode(header.substring(6).trim());
            if (credential != null) {
                PasswordCheck.Outcome outcome = passwords.check(
                        credential.getCaller(),
                        credential.getPasswordAsString(),
                        clientAddress.of(request),
                        !path.equals(TOKEN_PATH));
                if (outcome.throttled()) {
                    return refuse(
                            response,
                            429,
                            null,
                            "too_many_attempts",
                            "Trop de tentatives de connexion. Réessayez dans " + outcome.retryAfterSeconds()
                                    + " secondes.",
                            outcome.retryAfterSeconds());
                }
                if (outcome.valid()) {
                    return context.notifyContainerAboutLogin(outcome.result());
                }
            }
            return unauthorized(response);
        }
        return context.isProtected() ? unauthorized(response) : context.doNothing();
    }

    private AuthenticationStatus form(HttpServletRequest request, HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential instanceof UsernamePasswordCredential c) {
            PasswordCheck.Outcome outcome =
                    passwords.check(c.getCaller(), c.getPasswordAsString(), clientAddress.of(request), false);
            if (!outcome.valid()) {
                // not SEND_FAILURE: the container would answer a bare 401 itself; the login page
                // shows the refusal (LoginView reads these attributes, not the status)
                request.setAttribute(LOGIN_REFUSED, Boolean.TRUE);
                if (outcome.throttled()) {
                    request.setAttribute(RETRY_AFTER, outcome.retryAfterSeconds());
                }
                return context.doNothing();
            }
            CredentialValidationResult result = outcome.result();
            request.getSession(true);
            request.changeSessionId();
            HttpSession session = request.getSession();
            session.setAttribute(SESSION_CALLER, result.getCallerPrincipal().getName());
            session.setAttribute(SESSION_GROUPS, Set.copyOf(result.getCallerGroups()));
            session.setAttribute(SESSION_SIGNED_IN_AT, System.currentTimeMillis());
            return context.notifyContainerAboutLogin(result);
        }
        HttpSession session = request.getSession(false);
        if (session != null
                && session.getAttribute(SESSION_CALLER) instanceof String caller
                && session.getAttribute(SESSION_SIGNED_IN_AT) instanceof Long signedInAt
                && revocations.isRevoked(caller, signedInAt)) {
            // disabled, reset, new rights or a changed password since this sign-in: the session ends at once
            session.invalidate();
            return context.isProtected()
                    ? context.redirect(request.getContextPath() + LOGIN_PAGE)
                    : context.doNothing();
        }
        if (session != null && session.getAttribute(SESSION_CALLER) instanceof String caller) {
            @SuppressWarnings("unchecked")
            Set<String> groups = (Set<String>) session.getAttribute(SESSION_GROUPS);
            return context.notifyContainerAboutLogin(caller, groups);
        }
        return context.isProtected() ? context.redirect(request.getContextPath() + LOGIN_PAGE) : context.doNothing();
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response) {
        return refuse(
                response,
                401,
                "Basic realm=\"relais\", charset=\"UTF-8\"",
                "unauthorized",
                "Identifiants manquants ou invalides.",
                0);
    }

    private static AuthenticationStatus refuse(
            HttpServletResponse response,
            int status,
            String challenge,
            String code,
            String message,
            long retryAfterSeconds) {
        try {
            response.setStatus(status);
            if (challenge != null) {
                response.setHeader("WWW-Authenticate", challenge);
            }
            if (retryAfterSeconds > 0) {
                response.setHeader("Retry-After", String.valueOf(retryAfterSeconds));
            }
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"error\":\"" + code + "\",\"message\":\"" + message + "\"}");
        } catch (IOException e) {
            // the client went away; the status alone is the answer
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static UsernamePasswordCredential decode(String encoded) {
        try {
            String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon <= 0
                    ? null
                    : new UsernamePasswordCredential(pair.substring(0, colon), pair.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
