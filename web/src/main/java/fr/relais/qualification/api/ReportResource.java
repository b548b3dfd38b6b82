package fr.relais.qualification.api;

import fr.relais.audit.api.HistoryPdf;
import fr.relais.audit.boundary.Audits;
import fr.relais.audit.boundary.HistoryExport;
import fr.relais.audit.boundary.ReportDiagram;
import fr.relais.audit.boundary.ReportHistory;
import fr.relais.forwarding.boundary.Forwarding;
import fr.relais.forwarding.boundary.ReroutingCase;
import fr.relais.forwarding.boundary.UnitReport;
import fr.relais.forwarding.entity.Handoff;
import fr.relais.privacy.boundary.DataRead;
import fr.relais.privacy.boundary.Seals;
import fr.relais.privacy.boundary.UnsealedReport;
import fr.relais.qualification.boundary.Qualifications;
import fr.relais.qualification.boundary.ReviewEntities;
import fr.relais.qualification.boundary.StaffReport;
import fr.relais.qualification.boundary.ValidationCase;
import fr.relais.qualification.entity.Category;
import fr.relais.qualification.entity.FactsTime;
import fr.relais.qualification.entity.Qualification;
import fr.relais.qualification.entity.Urgency;
import fr.relais.shared.DomainException;
import fr.relais.shared.Role;
import fr.relais.shared.api.ApiDocumentation;
import fr.relais.shared.api.RetriedOnConflict;
import fr.relais.workflow.ProcessVariables.UnitDecision;
import fr.relais.workflow.ProcessVariables.ValidationDecision;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reports through their lifecycle: qualification, review, and the unit's decision. */
@Tag(name = "Reports", description = "Qualification, review, forwarding and the unit's decision.")
@SecurityRequirement(name = ApiDocumentation.BASIC)
@SecurityRequirement(name = ApiDocumentation.BEARER)
@Path("reports")
@RequestScoped
@RetriedOnConflict
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReportResource {
    @EJB
    Qualifications qualifications;

    @EJB
    Forwarding forwarding;

    @EJB
    Audits audits;

    @EJB
    Seals seals;

    @Inject
    SecurityContext security;

    /** Why personal data is unsealed: mandatory, recorded with who and when. */
    public record UnsealRequest(String reason) {}

    public record QualificationRequest(
            String category,
            String postalCode,
            String commune,
            @Schema(
                            description = "When the facts happened, at a moment: ISO-8601, either absolute"
                                    + " (2026-11-20T21:00:00Z, or with an offset), or local to the commune's"
                                    + " department (2026-11-20T22:00, read in Europe/Paris, Indian/Reunion, ...),"
                                    + " or a date alone when the time is unknown (2026-11-20). Exactly one of"
                                    + " factsAt, factsFrom with factsTo, or factsUnknown is required.",
                            example = "2026-11-20T22:00")
                    String factsAt,
            @Schema(
                            description = "Start of the period of the facts (same formats as factsAt; a date"
                                    + " alone starts at midnight); with factsTo, instead of factsAt",
                            example = "2026-11-01")
                    String factsFrom,
            @Schema(
                            description = "End of the period of the facts, not before factsFrom (a date alone"
                                    + " ends at the end of that day)",
                            example = "2026-11-03T08:00")
                    String factsTo,
            @Schema(
                            type = SchemaType.BOOLEAN,
                            description = "true when the time of the facts is unknown, instead of a date")
                    JsonValue factsUnknown,
            String urgency,
            @Schema(type = SchemaType.BOOLEAN) JsonValue dangerNow,
            @Schema(type = SchemaType.BOOLEAN) JsonValue victimMinor,
            Boolean anonymous,
            Boolean contactConsent,
            String narrative,
            Qualification.Reporter reporter,
            @Schema(
                            description = "INSEE code of the commune (official list, see GET /communes); then"
                                    + " the postal code is needed only when the commune has several")
                    String communeInsee) {}

    /**
     * {@code narrative}: the corrected outgoing narrative, or none to approve it as proposed;
     * {@code releaseReason}: why what the engine finds identifying in a correction may leave anyway.
     */
    public record Review(String narrative, String releaseReason) {}

    /** A supervisor's answer: {@code APPROVED}, or {@code SENT_BACK} with a comment for the operator. */
    public record ValidationAnswer(String decision, String comment) {}

    public record Decline(String reason, String suggestedUnit) {}

    public record OutcomeRequest(String outcome, String note) {}

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

    /**
     * The report's history for auditors and administrators: the engine's steps and the application's
     * audit events in one timeline; reading it is an audit event of the reader's.
     */
    @Operation(
            operationId = "getReportHistory",
            summary = "Read a report's full history (auditors and administrators)",
            description = "One timeline sorted by time: the engine's activities, user tasks (who, how long),"
                    + " timers, incidents and decision instances of every process the report ran, with the"
                    + " application's audit events (source engine or application); plus the process"
                    + " definitions (key, version, id) the report ran. 403 for other roles, 404 for an unknown"
                    + " report.")
    @GET
    @Path("{id}/history")
    public ReportHistory history(@PathParam("id") long id) {
        return audits.history(id, HistoryTexts.erased());
    }

    @Operation(
            operationId = "getReportHistoryDiagram",
            summary = "The diagrams of every process a report ran, with the path taken (auditors and administrators)",
            description = "processes: one per process instance the report ran, its lifecycle first, then each"
                    + " delivery to its unit's own system: the instance and its definition (id, key, version),"
                    + " when it started and ended, the BPMN XML of the exact definition, each pass through an"
                    + " element (id, kind, name, startedAt, endedAt, durationMs) and the ids of the sequence"
                    + " flows taken (derived from the passes: the engine keeps no history of flows). Reading it"
                    + " is an audit event. 403 for other roles, 404 for an unknown report.")
    @GET
    @Path("{id}/history/diagram")
    public ReportDiagram historyDiagram(@PathParam("id") long id) {
        return audits.diagram(id);
    }

    @Operation(
            operationId = "exportReportHistoryJson",
            summary = "Download a report's full history as JSON (auditors and administrators)",
            description = "The report's reference, platform, category, unit and status, its timeline, the"
                    + " verification of its chain now, when and by whom it was exported; as an attachment. The"
                    + " export is an audit event. 403 for other roles, 404 for an unknown report.")
    @GET
    @Path("{id}/history.json")
    public Response exportHistoryJson(@PathParam("id") long id) {
        HistoryExport export = audits.export(id, "json");
        return Response.ok(export)
                .header("Content-Disposition", attachment(export, "json"))
                .build();
    }

    @Operation(
            operationId = "exportReportHistoryPdf",
            summary = "Download a report's full history as PDF (auditors and administrators)",
            description = "The same content as the JSON export, laid out as text (times in Europe/Paris); no"
                    + " link or script in it. The export is an audit event. 403 for other roles, 404 for an"
                    + " unknown report.")
    @APIResponse(
            responseCode = "200",
            description = "The PDF.",
            content = @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @GET
    @Path("{id}/history.pdf")
    @Produces({PDF, MediaType.APPLICATION_JSON})
    public Response exportHistoryPdf(@PathParam("id") long id) {
        HistoryExport export = audits.export(id, "pdf");
        return Response.ok(HistoryPdf.of(export), PDF)
                .header("Content-Disposition", attachment(export, "pdf"))
                .build();
    }

    static final String PDF = "application/pdf";

    /** {@code attachment; filename="historique-<reference>.<extension>"}, the reference kept to safe characters. */
    public static String attachment(HistoryExport export, String extension) {
        return "attachment; filename=\"" + fileName(export, extension) + "\"";
    }

    public static String fileName(HistoryExport export, String extension) {
        return "historique-" + export.report().reference().replaceAll("[^A-Za-z0-9-]", "_") + "." + extension;
    }

    /**
     * A supervisor of the report's platform or an auditor opens the sealed originals, with a reason that
     * is recorded; every other role is refused.
     */
    @Operation(
            operationId = "unsealReport",
            summary = "Unseal a report's original narrative and reporter identity (supervisor, auditor)",
            description = "Refusals: 422 reason_required without a reason, 403 for other roles, 404 for a report"
                    + " of another platform (supervisor), 409 personal_data_erased after retention. Recorded in"
                    + " the report's reads (GET /reports/{id}/reads).")
    @POST
    @Path("{id}/unseal")
    public UnsealedReport unseal(@PathParam("id") long id, UnsealRequest request) {
        return seals.unsealReport(id, request == null ? null : request.reason());
    }

    /** Who read the report's personal data, and who unsealed it, with their reasons (auditors). */
    @Operation(operationId = "listReportReads", summary = "List the reads and unsealings of a report (auditor)")
    @GET
    @Path("{id}/reads")
    public List<DataRead> reads(@PathParam("id") long id) {
        return seals.readsOfReport(id);
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
    @Operation(
            operationId = "qualifyReport",
            summary = "Qualify a report",
            description = "When the facts happened is mandatory: exactly one of factsAt (a moment, or a date"
                    + " alone), factsFrom and factsTo (a period), or factsUnknown: true. Local dates and times"
                    + " are read in the time zone of the commune's department (Europe/Paris in metropolitan"
                    + " France, America/Guadeloupe, America/Martinique, America/Cayenne, Indian/Reunion,"
                    + " Indian/Mayotte overseas) and stored in UTC. Refusals (400): missing_facts_when,"
                    + " ambiguous_facts_when, invalid_facts_at, invalid_facts_from, invalid_facts_to (malformed"
                    + " or in the future), invalid_facts_period (ends before it starts). Nothing is stored"
                    + " on a refusal.")
    @PUT
    @Path("{id}/qualification")
    public StaffReport qualify(@PathParam("id") long id, QualificationRequest q) {
        if (q == null) {
            throw DomainException.invalid("invalid_body", "Corps de requête manquant.");
        }
        return qualifications.qualify(id, toQualification(q));
    }

    /**
     * The caller's draft of the report's qualification form (field → text as typed), which the form
     * saves as the operator types; empty when there is none.
     */
    @Operation(
            operationId = "getQualificationDraft",
            summary = "Read the caller's draft of a report's qualification form",
            description = "Only the operator who qualifies the report reads its draft; a report qualified"
                    + " since has none (drafts are deleted when the report is qualified).")
    @GET
    @Path("{id}/qualification/draft")
    public Map<String, String> draft(@PathParam("id") long id) {
        return qualifications.draft(id);
    }

    /** Saves the caller's draft of the report's qualification form, replacing the previous one. */
    @Operation(
            operationId = "saveQualificationDraft",
            summary = "Save the caller's draft of a report's qualification form",
            description = "A JSON object of field → text as typed (not validated: a draft may be incomplete),"
                    + " at most 40 fields of 20,000 characters. Only the operator who qualifies the report,"
                    + " while it waits for its qualification.")
    @PUT
    @Path("{id}/qualification/draft")
    public Response saveDraft(@PathParam("id") long id, Map<String, String> fields) {
        if (fields == null) {
            throw DomainException.invalid("invalid_body", "Corps de requête manquant.");
        }
        qualifications.saveDraft(id, fields);
        return Response.noContent().build();
    }

    /** Approves what leaves the platform; the answer says FORWARDING until the engine has chosen the unit. */
    @Operation(operationId = "reviewReport", summary = "Approve what leaves the platform and forward the report")
    @POST
    @Path("{id}/review")
    public StaffReport review(@PathParam("id") long id, Review review) {
        return qualifications.review(
                id, review == null ? null : review.narrative(), review == null ? null : review.releaseReason());
    }

    /**
     * One choice at review: {@code action} {@code add} (mask {@code text}, every occurrence, as {@code
     * type}) or {@code release} (the entity {@code index} of the original, with {@code reason}).
     */
    public record RedactionRequest(String action, String text, String type, Integer index, String reason) {}

    /** The entities found in the original of the report the caller reviews, and what became of each. */
    @Operation(
            operationId = "listReportRedactions",
            summary = "List the entities found in the original of a report under review (its operator)",
            description = "Each entity the anonymisation engine found in the original narrative (index, type,"
                    + " label, offsets, value, placeholder) and its state in the outgoing text: REDACTED,"
                    + " RELEASED or REMOVED. The operator holding the report only (404 for another"
                    + " platform, 403 for another operator); 409 report_state when it is not under review."
                    + " A read of personal data, recorded.")
    @GET
    @Path("{id}/redactions")
    public ReviewEntities redactions(@PathParam("id") long id) {
        return qualifications.reviewEntities(id);
    }

    /** Masks a piece of the outgoing text, or releases one entity with a reason (recorded). */
    @Operation(
            operationId = "changeReportRedactions",
            summary = "Mask a piece of the outgoing text, or release one entity with a reason (its operator)",
            description = "{\"action\":\"add\",\"text\":…,\"type\":\"PHONE\"} replaces every occurrence of the"
                    + " text in the outgoing narrative by a placeholder of the type ([TÉLÉPHONE 2]);"
                    + " {\"action\":\"release\",\"index\":n,\"reason\":…} puts the entity's value back in"
                    + " place of its placeholder. Both are audit events (the type, the reason; the value"
                    + " sealed). Refusals: 400 invalid_action, selection_invalid, entity_type_unknown,"
                    + " reason_required; 404 entity_not_found; 409 entity_not_redacted, report_state. A"
                    + " hand correction is still checked again at review.")
    @POST
    @Path("{id}/redactions")
    public ReviewEntities changeRedactions(@PathParam("id") long id, RedactionRequest request) {
        String action = request == null || request.action() == null ? "" : request.action();
        switch (action) {
            case "add" -> qualifications.addRedaction(id, request.text(), request.type(), null);
            case "release" -> {
                if (request.index() == null) {
                    throw DomainException.notFound("entity_not_found", "Élément introuvable dans le récit.");
                }
                qualifications.releaseRedaction(id, request.index(), request.reason(), null);
            }
            default -> throw DomainException.invalid("invalid_action", "Action inconnue : add ou release.");
        }
        return qualifications.reviewEntities(id, null);
    }

    /** Reports of the caller's platform waiting for a supervisor's validation, the most pressing first. */
    @Operation(
            operationId = "listReportsToValidate",
            summary = "List the reports waiting for a supervisor's validation")
    @GET
    @Path("validation")
    public List<ValidationCase> awaitingValidation() {
        return qualifications.awaitingValidation();
    }

    /**
     * A supervisor approves a sensitive report's qualification or sends it back to its operator with a
     * comment; the answer says where the report stands now.
     */
    @Operation(
            operationId = "validateReport",
            summary = "Approve a report's qualification or send it back to the operator (supervisor)")
    @POST
    @Path("{id}/validation")
    public StaffReport validate(@PathParam("id") long id, ValidationAnswer answer) {
        if (answer == null) {
            throw DomainException.invalid("invalid_body", "Corps de requête manquant.");
        }
        ValidationDecision decision;
        try {
            decision = answer.decision() == null ? null : ValidationDecision.valueOf(answer.decision());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("invalid_decision", "Décision inconnue (APPROVED ou SENT_BACK).");
        }
        return qualifications.validate(id, decision, answer.comment());
    }

    @Operation(
            operationId = "acknowledgeReport",
            summary = "Acknowledge receipt of a forwarded report (unit); the take-over or a refusal follows")
    @POST
    @Path("{id}/acknowledge")
    public UnitReport acknowledge(@PathParam("id") long id) {
        return forwarding.acknowledge(id);
    }

    /**
     * Takes the report over. A report not yet acknowledged is acknowledged and taken over at once (as
     * before there were two steps); once acknowledged, the take-over waits until the engine recorded
     * the acknowledgement ({@code nextStep} TAKE_OVER; before: 409 {@code acknowledgement_pending}).
     */
    @Operation(operationId = "takeOverReport", summary = "Take a forwarded report over (unit)")
    @POST
    @Path("{id}/take-over")
    public UnitReport takeOver(@PathParam("id") long id) {
        return forwarding.answer(id, UnitDecision.ACCEPTED, null);
    }

    @Operation(
            operationId = "declineReport",
            summary =
                    "Decline a forwarded report as not competent, with a reason and optionally a suggested unit (unit)")
    @POST
    @Path("{id}/decline")
    public UnitReport decline(@PathParam("id") long id, Decline decline) {
        return forwarding.answer(
                id,
                UnitDecision.DECLINED,
                decline == null ? null : decline.reason(),
                decline == null ? null : decline.suggestedUnit());
    }

    /**
     * After take-over the unit records what it did (COMPLAINT_RECORDED, PROCEDURE_OPENED,
     * HANDED_TO_ANOTHER_SERVICE, NO_FURTHER_ACTION, OTHER with a note): the report closes.
     */
    @Operation(operationId = "recordReportOutcome", summary = "Record the outcome of a report taken over (unit)")
    @POST
    @Path("{id}/outcome")
    public UnitReport outcome(@PathParam("id") long id, OutcomeRequest request) {
        if (request == null) {
            throw DomainException.invalid("invalid_body", "Corps de requête manquant.");
        }
        Handoff.Outcome outcome;
        try {
            outcome = request.outcome() == null ? null : Handoff.Outcome.valueOf(request.outcome());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("invalid_outcome", "Suite donnée manquante ou inconnue.");
        }
        return forwarding.recordOutcome(id, outcome, request.note());
    }

    @Operation(operationId = "rerouteReport", summary = "Send a report to a chosen unit (supervisor)")
    @POST
    @Path("{id}/reroute")
    public StaffReport reroute(@PathParam("id") long id, Reroute reroute) {
        return qualifications.staffReport(forwarding
                .reroute(id, reroute == null ? null : reroute.unitCode())
                .id());
    }

    /**
     * A yes/no the decision tables read: absent means no, anything but true or false is refused (JSON-B
     * alone would read "perhaps" as false).
     */
    private static boolean flag(JsonValue value, String code, String message) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return false;
        }
        return switch (value.getValueType()) {
            case TRUE -> true;
            case FALSE -> false;
            default -> throw DomainException.invalid(code, message);
        };
    }

    /**
     * Exactly one of a moment, a period or "unknown"; given twice is refused here, missing by the
     * qualification's rules. The boundary reads local dates in the commune's time zone and refuses the
     * future.
     */
    private static FactsTime when(QualificationRequest q) {
        boolean unknown =
                flag(q.factsUnknown(), "invalid_facts_unknown", "factsUnknown est un booléen (true ou false).");
        boolean period = q.factsFrom() != null || q.factsTo() != null;
        int given = (q.factsAt() != null ? 1 : 0) + (period ? 1 : 0) + (unknown ? 1 : 0);
        if (given == 0) {
            return null; // refused by the qualification's rules, in their order (missing_facts_when)
        }
        if (given > 1) {
            throw DomainException.invalid(
                    "ambiguous_facts_when",
                    "Un seul de factsAt, factsFrom/factsTo (une période) et factsUnknown à la fois.");
        }
        if (unknown) {
            return FactsTime.unknown();
        }
        if (period) {
            return FactsTime.period(
                    moment(q.factsFrom(), "invalid_facts_from", "Début de période (factsFrom)"),
                    moment(q.factsTo(), "invalid_facts_to", "Fin de période (factsTo)"));
        }
        return FactsTime.exact(moment(q.factsAt(), "invalid_facts_at", "Date des faits (factsAt)"));
    }

    /** An absolute ISO-8601 moment, a local date and time, or a date alone; null stays null. */
    private static Temporal moment(String text, String code, String field) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        try {
            if (value.length() <= 10) {
                return LocalDate.parse(value);
            }
            TemporalAccessor parsed =
                    DateTimeFormatter.ISO_DATE_TIME.parseBest(value, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime offset ? offset.toInstant() : (LocalDateTime) parsed;
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(
                    code,
                    field + " invalide : ISO-8601 attendu (2026-11-20T22:00, 2026-11-20T21:00:00Z ou 2026-11-20).");
        }
    }

    private static Qualification toQualification(QualificationRequest q) {
        Category category;
        try {
            category = q.category() == null ? null : Category.valueOf(q.category());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("invalid_category", "Nature des faits inconnue.");
        }
        FactsTime when = when(q);
        Urgency urgency;
        try {
            urgency = q.urgency() == null ? null : Urgency.valueOf(q.urgency());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("invalid_urgency", "Urgence inconnue (LOW, NORMAL ou HIGH).");
        }
        return new Qualification(
                category,
                q.postalCode(),
                q.commune(),
                when,
                urgency,
                flag(q.dangerNow(), "invalid_danger_now", "Le danger immédiat est un booléen (true ou false)."),
                flag(q.victimMinor(), "invalid_victim_minor", "La victime mineure est un booléen (true ou false)."),
                Boolean.TRUE.equals(q.anonymous()),
                Boolean.TRUE.equals(q.contactConsent()),
                q.narrative(),
                q.reporter(),
                q.communeInsee());
    }
}
