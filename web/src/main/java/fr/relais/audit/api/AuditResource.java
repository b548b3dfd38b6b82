package fr.relais.audit.api;

import fr.relais.audit.boundary.AuditChains;
import fr.relais.audit.boundary.Audits;
import fr.relais.audit.boundary.ReportCriteria;
import fr.relais.audit.boundary.Verification;
import fr.relais.shared.DomainException;
import fr.relais.shared.api.ApiDocumentation;
import fr.relais.shared.api.RetriedOnConflict;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail: verification of its chains, anchors, and the auditors' search of reports. */
@Tag(name = "Audit", description = "Tamper-evident audit trail and the auditors' reads.")
@SecurityRequirement(name = ApiDocumentation.BASIC)
@SecurityRequirement(name = ApiDocumentation.BEARER)
@Path("audit")
@RequestScoped
@RetriedOnConflict
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuditResource {
    @EJB
    AuditChains chains;

    @EJB
    Audits audits;

    /** Optional: verify only the chain of this report. */
    public record VerificationRequest(Long reportId) {}

    @Operation(
            operationId = "verifyAuditTrail",
            summary = "Walk the audit chains and say whether they hold (auditors and administrators)",
            description = "Every chain, or with reportId only that report's: each hash computed again, sequence"
                    + " continuity, heads, and (for every chain) the daily anchors. Answers holds true with the"
                    + " chains and events walked, or holds false with firstBroken {chain, seq, eventId,"
                    + " reason: edited | missing | head_mismatch | anchor}. The result is recorded.")
    @POST
    @Path("verification")
    public Verification verify(VerificationRequest request) {
        return chains.verify(request == null ? null : request.reportId());
    }

    @Operation(
            operationId = "anchorAuditTrail",
            summary = "Write today's anchor over every chain's head now (administrators)",
            description = "One anchor per UTC day: returns today's when it exists already.")
    @POST
    @Path("anchors")
    public AuditChains.Anchor anchor() {
        return chains.anchorNow();
    }

    @Operation(
            operationId = "searchReportsForAudit",
            summary = "Search reports by reference, dates, platform, category, unit, status and operator"
                    + " (auditors and administrators)",
            description = "Newest first; from and to are UTC days (ISO dates, to included); first and size (1 to"
                    + " 100) choose the page; total counts the matches up to 10,000 (totalCapped: more match). The"
                    + " search is an audit event of the caller's.")
    @GET
    @Path("reports")
    public Audits.Page search(
            @QueryParam("reference") String reference,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("platform") String platform,
            @QueryParam("category") String category,
            @QueryParam("unit") String unit,
            @QueryParam("status") String status,
            @QueryParam("operator") String operator,
            @QueryParam("first") @DefaultValue("0") int first,
            @QueryParam("size") @DefaultValue("20") int size) {
        return audits.search(
                new ReportCriteria(
                        reference,
                        date(from, "invalid_from"),
                        date(to, "invalid_to"),
                        platform,
                        category,
                        unit,
                        status,
                        operator),
                first,
                size,
                true);
    }

    private static LocalDate date(String value, String code) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(code, "Date invalide (AAAA-MM-JJ).");
        }
    }
}
