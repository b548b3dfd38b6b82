package fr.relais.qualification.api;

import fr.relais.forwarding.boundary.Forwarding;
import fr.relais.qualification.boundary.Qualifications;
import fr.relais.qualification.entity.Category;
import fr.relais.qualification.entity.Qualification;
import fr.relais.qualification.entity.Report;
import fr.relais.shared.DomainException;
import fr.relais.shared.Role;
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

/** Reports through their lifecycle: qualification, review, and the unit's decision. */
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
            String narrative,
            Qualification.Reporter reporter) {}

    public record Review(String narrative) {}

    public record Decline(String reason) {}

    public record Reroute(String unitCode) {}

    @GET
    @Path("{id}")
    public ReportView get(@PathParam("id") long id) {
        return view(qualifications.report(id));
    }

    /** Reports declined by a unit, waiting for a supervisor of the caller's platform. */
    @GET
    @Path("rerouting")
    public List<ReportView> rerouting() {
        return forwarding.awaitingReroute().stream().map(ReportView::forStaff).toList();
    }

    @PUT
    @Path("{id}/qualification")
    public ReportView qualify(@PathParam("id") long id, QualificationRequest q) {
        if (q == null) {
            throw DomainException.invalid("invalid_body", "Corps de requête manquant.");
        }
        return ReportView.forStaff(qualifications.qualify(id, toQualification(q)));
    }

    @POST
    @Path("{id}/review")
    public ReportView review(@PathParam("id") long id, Review review) {
        return ReportView.forStaff(qualifications.review(id, review == null ? null : review.narrative()));
    }

    @POST
    @Path("{id}/take-over")
    public ReportView takeOver(@PathParam("id") long id) {
        return ReportView.forUnit(forwarding.takeOver(id));
    }

    @POST
    @Path("{id}/decline")
    public ReportView decline(@PathParam("id") long id, Decline decline) {
        return ReportView.forUnit(forwarding.decline(id, decline == null ? null : decline.reason()));
    }

    @POST
    @Path("{id}/reroute")
    public ReportView reroute(@PathParam("id") long id, Reroute reroute) {
        return ReportView.forStaff(forwarding.reroute(id, reroute == null ? null : reroute.unitCode()));
    }

    private ReportView view(Report report) {
        return security.isCallerInRole(Role.UNIT_AGENT) || security.isCallerInRole(Role.AUDITOR)
                ? ReportView.forUnit(report)
                : ReportView.forStaff(report);
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
                q.narrative(),
                q.reporter());
    }
}
