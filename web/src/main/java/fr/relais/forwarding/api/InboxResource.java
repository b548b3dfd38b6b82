package fr.relais.forwarding.api;

import fr.relais.forwarding.boundary.Forwarding;
import fr.relais.forwarding.boundary.UnitReport;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** A unit agent's inbox: the reports forwarded to the agent's own unit, waiting for it. */
@Path("inbox")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {
    @EJB
    Forwarding forwarding;

    @GET
    public List<UnitReport> inbox() {
        return forwarding.inbox();
    }
}
