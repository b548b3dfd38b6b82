package fr.relais.directory.api;

import fr.relais.directory.boundary.Directory;
import fr.relais.security.SecurityEvents;
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

/** Accounts, for administrators. */
@Path("users")
@RequestScoped
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
