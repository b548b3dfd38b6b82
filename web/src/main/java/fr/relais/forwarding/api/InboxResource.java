package fr.relais.forwarding.api;

import fr.relais.forwarding.boundary.Forwarding;
import fr.relais.forwarding.boundary.UnitReport;
import fr.relais.qualification.entity.Category;
import fr.relais.shared.DomainException;
import fr.relais.shared.api.ApiDocumentation;
import fr.relais.shared.api.RetriedOnConflict;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A unit agent's inbox: the reports forwarded to the agent's own unit, waiting for it, or taken over. */
@Tag(name = "Unit inbox", description = "The reports forwarded to the caller's unit.")
@SecurityRequirement(name = ApiDocumentation.BASIC)
@SecurityRequirement(name = ApiDocumentation.BEARER)
@Path("inbox")
@RequestScoped
@RetriedOnConflict
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {
    @EJB
    Forwarding forwarding;

    /**
     * {@code scope=pending} (the default): the reports waiting for the unit's answer, oldest first;
     * {@code scope=taken}: the reports the unit took over ("Nos signalements"), most recent first,
     * filtered by part of the reference, the category and the take-over day ({@code from}, {@code to}:
     * yyyy-MM-dd, included); {@code scope=escalated}: for a departmental unit, the reports of its
     * department's units escalated to it after a missed acknowledgement, still unanswered (read only).
     */
    @Operation(
            operationId = "listInbox",
            summary = "List the reports awaiting the caller's unit, those it took over, or those escalated to it")
    @GET
    public List<UnitReport> inbox(
            @QueryParam("scope") String scope,
            @QueryParam("reference") String reference,
            @QueryParam("category") String category,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        if (scope == null || scope.equals("pending")) {
            return forwarding.inbox();
        }
        if (scope.equals("escalated")) {
            return forwarding.escalatedToDepartment();
        }
        if (!scope.equals("taken")) {
            throw DomainException.invalid("invalid_scope", "Portée inconnue (pending, taken ou escalated).");
        }
        Category cat;
        try {
            cat = category == null || category.isBlank() ? null : Category.valueOf(category);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("invalid_category", "Nature des faits inconnue.");
        }
        return forwarding.takenOver(reference, cat, day(from), day(to));
    }

    private static LocalDate day(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("invalid_date", "Date invalide (AAAA-MM-JJ attendu).");
        }
    }
}
