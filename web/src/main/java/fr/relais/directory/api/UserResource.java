package fr.relais.directory.api;

import fr.relais.directory.boundary.Directory;
import fr.relais.security.SecurityEvents;
import fr.relais.shared.api.ApiDocumentation;
import fr.relais.shared.api.RetriedOnConflict;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Accounts, for administrators. */
@Tag(name = "Accounts", description = "Accounts, for administrators.")
@SecurityRequirement(name = ApiDocumentation.BASIC)
@SecurityRequirement(name = ApiDocumentation.BEARER)
@Path("users")
@RequestScoped
@RetriedOnConflict
public class UserResource {
    @EJB
    Directory directory;

    @Inject
    SecurityEvents events;

    @Inject
    SecurityContext security;

    @Context
    HttpServletRequest request;

    /** Disables an account; its tokens and cached credentials are refused at once. */
    @Operation(
            operationId = "disableUser",
            summary = "Disable an account; its tokens and cached credentials are refused at once (admin)")
    @APIResponse(responseCode = "204", description = "Disabled.")
    @POST
    @Path("{username}/disable")
    public Response disable(@PathParam("username") String username) {
        directory.disable(username);
        events.record(
                SecurityEvents.ACCOUNT_DISABLED,
                username,
                request.getRemoteAddr(),
                "by " + security.getCallerPrincipal().getName());
        return Response.noContent().build();
    }
}
