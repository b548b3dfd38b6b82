package fr.relais.orientation.api;

import fr.relais.orientation.boundary.NearbyUnits;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The units near a commune, for citizens: public directory data. */
@Tag(name = "Nearby units", description = "The police and gendarmerie units near a commune (public).")
@SecurityRequirementsSet // public
@Path("units/nearby")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NearbyUnitResource {
    @EJB
    NearbyUnits nearby;

    @Operation(
            operationId = "nearbyUnits",
            summary = "The competent unit and the other units of a commune's intercommunality and department",
            description = "Public. Give `postalCode` (5 digits) or `commune` (an INSEE code or a name), not both."
                    + " When several communes have the postal code or the name, the answer lists them in"
                    + " `choices` (ask again with the chosen one's INSEE code) and has no units. Otherwise"
                    + " `commune`, the unit `competent` for facts there (the forwarding's competence rule for"
                    + " a territorial matter) with `competenceReason`, then the other stations and brigades of"
                    + " its intercommunality (`intercommunality`) and the department's other units"
                    + " (`department`), each with its public address, phone and opening hours when a public"
                    + " source gives them. The official data has no coordinates: no distance. 400 with"
                    + " `missing_place`, `invalid_postal_code`, `unknown_postal_code`, `unknown_commune`,"
                    + " `invalid_commune` or `territory_not_covered`.")
    @GET
    public NearbyUnits.Answer near(@QueryParam("postalCode") String postalCode, @QueryParam("commune") String commune) {
        return nearby.near(postalCode, commune);
    }
}
