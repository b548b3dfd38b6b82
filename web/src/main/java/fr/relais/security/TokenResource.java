package fr.relais.security;

import fr.relais.shared.DomainException;
import fr.relais.shared.Role;
import fr.relais.shared.api.ApiDocumentation;
import fr.relais.shared.api.RetriedOnConflict;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Exchanges a password (HTTP Basic, checked by the authentication mechanism without the credentials
 * cache) for a short-lived bearer token: {@code curl -u user:password -X POST .../api/v1/tokens}.
 */
@Tag(name = "Account", description = "The calling account.")
@SecurityRequirement(name = ApiDocumentation.BASIC)
@Path("tokens")
@RequestScoped
@RetriedOnConflict
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {
    /** OAuth 2.0's token response names. */
    public record IssuedToken(String access_token, String token_type, long expires_in) {}

    @Inject
    SecurityContext security;

    @Inject
    Tokens tokens;

    private static final Set<String> ROLES =
            Set.of(Role.OPERATOR, Role.PSYCHOLOGIST, Role.SUPERVISOR, Role.UNIT_AGENT, Role.AUDITOR, Role.ADMIN);

    @Operation(operationId = "issueToken", summary = "Exchange a password (HTTP Basic) for a short-lived bearer token")
    @POST
    @PermitAll
    public IssuedToken issue() {
        if (security.isCallerInRole(Role.PASSWORD_CHANGE)) {
            throw new DomainException(
                    DomainException.Kind.FORBIDDEN,
                    "password_change_required",
                    "Changez d'abord le mot de passe donné par l'administrateur : PUT /api/v1/users/me/password.");
        }
        Set<String> groups = new HashSet<>();
        for (String role : ROLES) {
            if (security.isCallerInRole(role)) {
                groups.add(role);
            }
        }
        String caller = security.getCallerPrincipal().getName();
        return new IssuedToken(tokens.issue(caller, groups), "Bearer", tokens.lifetimeSeconds());
    }
}
