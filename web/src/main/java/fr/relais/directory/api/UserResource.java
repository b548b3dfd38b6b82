package fr.relais.directory.api;

import fr.relais.directory.boundary.Accounts;
import fr.relais.shared.DomainException;
import fr.relais.shared.Platform;
import fr.relais.shared.api.ApiDocumentation;
import fr.relais.shared.api.RetriedOnConflict;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Accounts, for administrators (every call but the change of one's own password is refused to
 * anyone else by the business component); every change is one event of the audit trail, recorded by
 * {@link Accounts} in the change's transaction (not a second time here).
 */
@Tag(name = "Accounts", description = "Accounts, for administrators.")
@SecurityRequirement(name = ApiDocumentation.BASIC)
@SecurityRequirement(name = ApiDocumentation.BEARER)
@Path("users")
@RequestScoped
@RetriedOnConflict
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    /** {@code platform}: GENERALIST or VSS for platform roles; {@code unitCode} for unit agents; neither for auditors and admins. */
    public record ProfileInput(
            String username, String displayName, Set<String> roles, String platform, String unitCode) {}

    /** The caller's own change: the current password and the new one. */
    public record PasswordChange(String current, String next) {}

    @EJB
    Accounts accounts;

    @Inject
    SecurityContext security;

    @Operation(operationId = "listUsers", summary = "List the accounts (admin)")
    @GET
    public List<Accounts.Account> list() {
        return accounts.list();
    }

    @Operation(operationId = "getUser", summary = "One account (admin)")
    @GET
    @Path("{username}")
    public Accounts.Account get(@PathParam("username") String username) {
        return accounts.get(username);
    }

    @Operation(
            operationId = "createUser",
            summary = "Create an account; the answer carries a temporary password, shown once, that its user"
                    + " must change at the first sign-in (admin)")
    @APIResponse(responseCode = "201", description = "The account and its temporary password.")
    @POST
    public Response create(ProfileInput input) {
        ProfileInput in = required(input);
        Accounts.Issued issued = accounts.create(in.username(), profile(in));
        return Response.status(Response.Status.CREATED).entity(issued).build();
    }

    @Operation(
            operationId = "updateUser",
            summary =
                    "Replace an account's display name, roles and scope; new rights end its tokens and sessions (admin)")
    @PUT
    @Path("{username}")
    public Accounts.Account update(@PathParam("username") String username, ProfileInput input) {
        Accounts.Account account = accounts.update(username, profile(required(input)));
        return account;
    }

    /** Disables an account; its tokens, sessions and cached credentials are refused at once. */
    @Operation(
            operationId = "disableUser",
            summary = "Disable an account: its tokens and sessions are refused at once, and the conversations and"
                    + " reports it held go back to their queues (admin)")
    @APIResponse(responseCode = "204", description = "Disabled.")
    @POST
    @Path("{username}/disable")
    public Response disable(@PathParam("username") String username) {
        accounts.disable(username);
        return Response.noContent().build();
    }

    @Operation(operationId = "enableUser", summary = "Re-enable a disabled account (admin)")
    @APIResponse(responseCode = "204", description = "Enabled.")
    @POST
    @Path("{username}/enable")
    public Response enable(@PathParam("username") String username) {
        accounts.enable(username);
        return Response.noContent().build();
    }

    @Operation(
            operationId = "resetUserPassword",
            summary = "Give an account a temporary password, shown once, that its user must change at the next"
                    + " sign-in; its tokens and sessions end (admin)")
    @POST
    @Path("{username}/password-reset")
    public Accounts.Issued resetPassword(@PathParam("username") String username) {
        Accounts.Issued issued = accounts.resetPassword(username);
        return issued;
    }

    @Operation(
            operationId = "changeOwnPassword",
            summary = "Change one's own password (any signed-in account, including one that must change the"
                    + " password an administrator gave); every earlier token and session of the account ends")
    @APIResponse(responseCode = "204", description = "Changed: sign in again with the new password.")
    @PUT
    @Path("me/password")
    @PermitAll
    public Response changeOwnPassword(PasswordChange change) {
        if (change == null) {
            throw DomainException.invalid("invalid_body", "Corps manquant : {\"current\",\"next\"}.");
        }
        String me = security.getCallerPrincipal().getName();
        accounts.changeOwnPassword(me, change.current(), change.next());
        return Response.noContent().build();
    }

    private static ProfileInput required(ProfileInput input) {
        if (input == null) {
            throw DomainException.invalid(
                    "invalid_body",
                    "Corps manquant : {\"username\",\"displayName\",\"roles\",\"platform\",\"unitCode\"}.");
        }
        return input;
    }

    private static Accounts.Profile profile(ProfileInput in) {
        Platform platform;
        try {
            platform = in.platform() == null || in.platform().isBlank() ? null : Platform.valueOf(in.platform());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("invalid_platform", "Plateforme inconnue : GENERALIST ou VSS.");
        }
        return new Accounts.Profile(in.displayName(), in.roles(), platform, in.unitCode());
    }
}
