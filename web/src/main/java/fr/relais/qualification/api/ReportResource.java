package fr.relais.qualification.api;

import fr.relais.forwarding.boundary.Forwarding;
import fr.relais.forwarding.boundary.ReroutingCase;
import fr.relais.forwarding.boundary.UnitReport;
import fr.relais.qualification.boundary.Qualifications;
import fr.relais.qualification.boundary.StaffReport;
import fr.relais.qualification.entity.Category;
import fr.relais.qualification.entity.Qualification;
import fr.relais.shared.DomainException;
import fr.relais.shared.Role;
import fr.relais.shared.api.ApiDocumentation;
import fr.relais.workflow.ProcessVariables.UnitDecision;
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
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reports through their lifecycle: qualification, review, and the unit's decision. */
@Tag(name = "Reports", description = "Qualification, review, forwarding and the unit's decision.")
@SecurityRequirement(name = ApiDocumentation.BASIC)
@SecurityRequirement(name = ApiDocumentation.BEARER)
@Path("reports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReportResource {
    @EJB
    Qualifications qualifications;

    @EJB
    Forwarding forwarding;

    @Inject
    SecurityContext security;

    public record QualificationRequest(
            String category,
            String postalCode,
            String commune,
            String factsAt,
            Boolean urgent,
            Boolean victimMinor,
            Boolean anonymous,
            Boolean contactConsent,
            String narrative,
            Qualification.Reporter reporter) {}

    public record Review(String narrative) {}

    public record Decline(String reason) {}

    public record Reroute(String unitCode) {}

    /**
     * The report as the caller's audience receives it, each projection made by its business
     * component: a unit's, an auditor's (redacted), or the platform staff's.
     */
    @Operation(
            operationId = "getReport",
            summary = "Read a report as the caller's audience receives it",
            description = "A unit agent receives a UnitReport, an auditor an AuditedReport (redacted),"
                    + " platform staff a StaffReport.")
    @GET
    @Path("{id}")
    public Object get(@PathParam("id") long id) {
        if (security.isCallerInRole(Role.UNIT_AGENT)) {
            return forwarding.unitReport(id);
        }
        if (security.isCallerInRole(Role.AUDITOR)) {
            return qualifications.auditedReport(id);
        }
        return qualifications.staffReport(id);
    }

    /** Reports declined by a unit or that no unit covers, waiting for a supervisor of the caller's platform. */
    @Operation(
            operationId = "listReportsToReroute",
            summary = "List the reports waiting for a supervisor to choose their unit")
    @GET
    @Path("rerouting")
    public List<ReroutingCase> rerouting() {
        return forwarding.awaitingReroute();
    }

    /** Records the qualification; the answer says ANONYMISING until the engine has prepared the review. */
    @Operation(operationId = "qualifyReport", summary = "Qualify a report")
    @PUT
    @Path("{id}/qualification")
    public StaffReport qualify(@PathParam("id") long id, QualificationRequest q) {
        if (q == null) {
            throw DomainException.invalid("invalid_body", "Corps de requête manquant.");
        }
        return qualifications.qualify(id, toQualification(q));
    }

    /** Approves what leaves the platform; the answer says FORWARDING until the engine has chosen the unit. */
    @Operation(operationId = "reviewReport", summary = "Approve what leaves the platform and forward the report")
    @POST
    @Path("{id}/review")
    public StaffReport review(@PathParam("id") long id, Review review) {
        return qualifications.review(id, review == null ? null : review.narrative());
    }

    @Operation(operationId = "takeOverReport", summary = "Take a forwarded report over (unit)")
    @POST
    @Path("{id}/take-over")
    public UnitReport takeOver(@PathParam("id") long id) {
        return forwarding.answer(id, UnitDecision.ACCEPTED, null);
    }

    @Operation(operationId = "declineReport", summary = "Decline a forwarded report as not competent (unit)")
    @POST
    @Path("{id}/decline")
    public UnitReport decline(@PathParam("id") long id, Decline decline) {
        return forwarding.answer(id, UnitDecision.DECLINED, decline == null ? null : decline.reason());
    }

    @Operation(operationId = "rerouteReport", summary = "Send a report to a chosen unit (supervisor)")
    @POST
    @Path("{id}/reroute")
    public StaffReport reroute(@PathParam("id") long id, Reroute reroute) {
        return qualifications.staffReport(forwarding
                .reroute(id, reroute == null ? null : reroute.unitCode())
                .id());
    }

    private static Qualification toQualification(QualificationRequest q) {
        Category category;
        try {
            category = q.category() == null ? null : Category.valueOf(q.category());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("invalid_category", "Nature des faits inconnue.");
        }
        Instant factsAt;
        try {
            factsAt = q.factsAt() == null ? null : Instant.parse(q.factsAt());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("invalid_facts_at", "Date des faits invalide (ISO-8601 attendu).");
        }
        return new Qualification(
                category,
                q.postalCode(),
                q.commune(),
                factsAt,
                Boolean.TRUE.equals(q.urgent()),
                Boolean.TRUE.equals(q.victimMinor()),
                Boolean.TRUE.equals(q.anonymous()),
                Boolean.TRUE.equals(q.contactConsent()),
                q.narrative(),
                q.reporter());
    }
}
