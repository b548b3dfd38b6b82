package fr.relais.directory.api;

import fr.relais.directory.boundary.Communes;
import fr.relais.directory.control.Commune;
import fr.relais.directory.control.CommuneIndex;
import fr.relais.shared.DomainException;
import fr.relais.shared.api.RetriedOnConflict;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The official list of French communes: public reference data, for autocomplete and lookups. */
@Tag(name = "Communes", description = "The official list of French communes (public reference data).")
@SecurityRequirementsSet // public: data of the French administration
@Path("communes")
@RequestScoped
@RetriedOnConflict
@Produces(MediaType.APPLICATION_JSON)
public class CommuneResource {
    static final int DEFAULT_LIMIT = 10;

    @EJB
    Communes communes;

    @Operation(
            operationId = "searchCommunes",
            summary = "Search communes by name, postal code or INSEE code",
            description = "Public. Accents, case, hyphens, apostrophes and Saint/St do not matter; a postal code"
                    + " may be given by its first digits. Exact matches first, then by population; at most"
                    + " `limit` (1 to 20, default 10) places, delegated and associated communes and the"
                    + " municipal districts of Paris, Lyon and Marseille included. `q`: 2 to 60 characters.")
    @GET
    public List<Commune> search(@QueryParam("q") String q, @QueryParam("limit") String limit) {
        int max = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                max = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                max = 0;
            }
            if (max < 1 || max > CommuneIndex.MAX_RESULTS) {
                throw DomainException.invalid("invalid_limit", "Le nombre de résultats doit aller de 1 à 20.");
            }
        }
        return communes.search(q, max);
    }

    @Operation(operationId = "getCommune", summary = "Read a commune by its INSEE code")
    @GET
    @Path("{insee}")
    public Commune get(@PathParam("insee") String insee) {
        return communes.byInsee(insee);
    }
}
