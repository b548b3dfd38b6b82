package fr.relais.directory.api;

import fr.relais.directory.boundary.Caller;
import fr.relais.directory.boundary.Directory;
import fr.relais.shared.api.ApiDocumentation;
import fr.relais.shared.api.RetriedOnConflict;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who the caller is: name, roles, platform or unit. */
@Tag(name = "Account", description = "The calling account.")
@SecurityRequirement(name = ApiDocumentation.BASIC)
@SecurityRequirement(name = ApiDocumentation.BEARER)
@Path("me")
@RequestScoped
@RetriedOnConflict
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {
    @EJB
    Directory directory;

    public record Me(String name, List<String> roles, String platform, String unit) {}

    @Operation(operationId = "getMe", summary = "Describe the calling account: name, roles, platform or unit")
    @GET
    @PermitAll
    public Me me() {
        Caller caller = directory.currentCaller();
        return new Me(
                caller.username(),
                caller.roles().stream().sorted().toList(),
                caller.platform() == null ? null : caller.platform().name(),
                caller.unitCode());
    }
}
