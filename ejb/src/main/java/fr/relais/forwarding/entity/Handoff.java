package fr.relais.forwarding.entity;

import fr.relais.shared.DomainException;
import fr.relais.shared.Platform;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/**
 * One forwarding of a report to a unit, and the unit's answers: receipt acknowledged, then taken over
 * (and later its outcome), or declined with a reason and perhaps a suggested unit.
 */
@Entity
@Table(name = "handoff")
@NamedQuery(
        name = Handoff.PENDING_FOR_UNIT,
        query = "select h from Handoff h where h.unitCode = :unitCode and h.decision is null order by h.forwardedAt")
@NamedQuery(
        name = Handoff.ESCALATED_TO_DEPARTMENT,
        query = "select h from Handoff h where h.departmentUnit = :unitCode and h.escalatedToDepartmentAt is not null"
                + " and h.decision is null order by h.escalatedToDepartmentAt, h.id")
@NamedQuery(name = Handoff.OF_REPORT, query = "select h from Handoff h where h.reportId = :reportId order by h.id desc")
public class Handoff {
    public static final String PENDING_FOR_UNIT = "Handoff.pendingForUnit";
    public static final String OF_REPORT = "Handoff.ofReport";

    /**
     * The last forwarding of a report, if it was forwarded. No {@code setMaxResults(1)}: EclipseLink
     * prepares a query with a row limit again at each execution (its SQL carries the limit), which
     * cost 2.6 % of the server's CPU under load on the status polls' path; a report has a handful of
     * handoffs at most (README, "Load").
     */
    public static Optional<Handoff> lastOf(EntityManager em, long reportId) {
        return em.createNamedQuery(OF_REPORT, Handoff.class)
                .setParameter("reportId", reportId)
                .getResultStream()
                .findFirst();
    }

    public static final String ESCALATED_TO_DEPARTMENT = "Handoff.escalatedToDepartment";

    public enum Decision {
        ACCEPTED,
        DECLINED
    }

    /** What the unit did with a report it took over; recording it closes the report. */
    public enum Outcome {
        COMPLAINT_RECORDED,
        PROCEDURE_OPENED,
        HANDED_TO_ANOTHER_SERVICE,
        NO_FURTHER_ACTION,
        OTHER
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "report_id", nullable = false)
    private Long reportId;

    @Column(name = "unit_code", nullable = false, length = 40)
    private String unitCode;

    @Column(name = "forwarded_at", nullable = false)
    private Instant forwardedAt;

    /** The supervisor who chose the unit; none when competence chose it. */
    @Column(name = "forwarded_by", length = 60)
    private String forwardedBy;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private Decision decision;

    @Column(name = "decided_by", length = 60)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decline_reason", length = 1000)
    private String declineReason;

    /** Which rule chose the unit ({@code CompetenceRule.Rule}, or {@code REROUTED}); none on older rows. */
    @Column(name = "competence_rule", length = 40)
    private String competenceRule;

    /** Why, in a short French sentence shown with the report. */
    @Column(name = "competence_reason", length = 500)
    private String competenceReason;

    @Column(name = "acknowledged_by", length = 60)
    private String acknowledgedBy;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    /** The unit a declining unit suggests instead (a code of the directory), if any. */
    @Column(name = "suggested_unit", length = 40)
    private String suggestedUnit;

    @Enumerated(EnumType.STRING)
    @Column(length = 30)
    private Outcome outcome;

    @Column(name = "outcome_note", length = 1000)
    private String outcomeNote;

    @Column(name = "outcome_by", length = 60)
    private String outcomeBy;

    @Column(name = "outcome_at")
    private Instant outcomeAt;

    /** When the missed acknowledgement target was escalated to the platform's supervisors. */
    @Column(name = "escalated_at")
    private Instant escalatedAt;

    /** When it was escalated again, to the departmental level ({@link #departmentUnit}). */
    @Column(name = "escalated_to_department_at")
    private Instant escalatedToDepartmentAt;

    /** The departmental unit the report was escalated to; its agents may read the report. */
    @Column(name = "department_unit", length = 40)
    private String departmentUnit;

    /**
     * The report's creation time, on the first handoff of the report to this unit only (null on a later one):
     * the auditors' search by unit reads a unit's reports newest first from one index ({@code
     * ix_handoff_unit_search}, V47), each report once.
     */
    @Column(name = "search_created_at")
    private Instant searchCreatedAt;

    /**
     * The report's platform (it never changes), copied when the handoff is written: the handoffs' figures read
     * it from the handoff's index ({@code ix_handoff_forwarded}, V52) without the report. Null on no row since V52.
     */
    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private Platform platform;

    /**
     * The acknowledgement target started as the report entered the unit's inbox with this handoff
     * ({@code Report.startAcknowledgementClock}), copied by {@code Qualifications.recordStage}: the handoffs'
     * figures count breaches from the handoff's index alone (V52). Null before, or without a target.
     */
    @Column(name = "acknowledge_due_at")
    private Instant acknowledgeDueAt;

    @Version
    private long version;

    protected Handoff() {}

    /** The report's platform, copied on the handoff as it is written. */
    public Handoff onPlatform(Platform platform) {
        this.platform = platform;
        return this;
    }

    /** The report's acknowledgement target, started as the report entered the unit's inbox with this handoff. */
    public void acknowledgementTarget(Instant dueAt) {
        this.acknowledgeDueAt = dueAt;
    }

    public Platform platform() {
        return platform;
    }

    public Instant acknowledgeDueAt() {
        return acknowledgeDueAt;
    }

    /** This handoff is the report's first to its unit: the auditors' search by unit finds the report by it. */
    public Handoff firstToUnit(Instant reportCreatedAt) {
        this.searchCreatedAt = reportCreatedAt;
        return this;
    }

    public Handoff(
            long reportId,
            String unitCode,
            String forwardedBy,
            Instant now,
            String competenceRule,
            String competenceReason) {
        this.reportId = reportId;
        this.unitCode = unitCode;
        this.forwardedBy = forwardedBy;
        this.forwardedAt = now;
        this.competenceRule = competenceRule;
        this.competenceReason = competenceReason;
    }

    /** The unit acknowledges receipt: the acknowledgement clock stops here. */
    public void acknowledge(String agent, Instant now) {
        if (decision != null || acknowledgedAt != null) {
            throw DomainException.conflict(
                    "already_acknowledged", "L'unité a déjà accusé réception de ce signalement.");
        }
        this.acknowledgedBy = agent;
        this.acknowledgedAt = now;
    }

    /** Takes the report over; a take-over of a report not yet acknowledged acknowledges it too. */
    public void accept(String agent, Instant now) {
        decide(Decision.ACCEPTED, agent, now);
        if (acknowledgedAt == null) {
            this.acknowledgedBy = agent;
            this.acknowledgedAt = now;
        }
    }

    public void decline(String agent, String reason, String suggestedUnit, Instant now) {
        decide(Decision.DECLINED, agent, now);
        this.declineReason = reason;
        this.suggestedUnit = suggestedUnit;
    }

    /** What the unit did with the report it took over; once only. */
    public void recordOutcome(Outcome outcome, String note, String agent, Instant now) {
        if (decision != Decision.ACCEPTED) {
            throw DomainException.conflict("not_taken_over", "Le signalement n'a pas été pris en charge par l'unité.");
        }
        if (this.outcome != null) {
            throw DomainException.conflict("outcome_recorded", "La suite donnée a déjà été indiquée.");
        }
        this.outcome = outcome;
        this.outcomeNote = note;
        this.outcomeBy = agent;
        this.outcomeAt = now;
    }

    /** Whether the unit still owes its acknowledgement: the target's timers may escalate. */
    public boolean awaitingAcknowledgement() {
        return decision == null && acknowledgedAt == null;
    }

    /** The acknowledgement target passed: the platform's supervisors are told. Once only. */
    public boolean escalate(Instant now) {
        if (!awaitingAcknowledgement() || escalatedAt != null) {
            return false;
        }
        this.escalatedAt = now;
        return true;
    }

    /**
     * The second deadline passed: the departmental level ({@code unit}, none when the directory has
     * none for the department) is told. Once only.
     */
    public boolean escalateToDepartment(String unit, Instant now) {
        if (!awaitingAcknowledgement() || escalatedToDepartmentAt != null) {
            return false;
        }
        if (escalatedAt == null) {
            this.escalatedAt = now;
        }
        this.escalatedToDepartmentAt = now;
        this.departmentUnit = unit;
        return true;
    }

    /** Whether agents of {@code unit} read this report as its department's level (escalated to them). */
    public boolean escalatedTo(String unit) {
        return escalatedToDepartmentAt != null && unit != null && unit.equals(departmentUnit);
    }

    public Instant escalatedAt() {
        return escalatedAt;
    }

    public Instant escalatedToDepartmentAt() {
        return escalatedToDepartmentAt;
    }

    public String departmentUnit() {
        return departmentUnit;
    }

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }

    private void decide(Decision decision, String agent, Instant now) {
        if (this.decision != null) {
            throw DomainException.conflict("already_decided", "L'unité a déjà répondu pour ce signalement.");
        }
        this.decision = decision;
        this.decidedBy = agent;
        this.decidedAt = now;
    }

    /** Whether the unit still has the report: waiting for its answer, or taken over. */
    public boolean heldByUnit() {
        return decision != Decision.DECLINED;
    }

    public Long id() {
        return id;
    }

    public Long reportId() {
        return reportId;
    }

    public String unitCode() {
        return unitCode;
    }

    public Instant forwardedAt() {
        return forwardedAt;
    }

    public String forwardedBy() {
        return forwardedBy;
    }

    public Decision decision() {
        return decision;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String declineReason() {
        return declineReason;
    }

    public String competenceRule() {
        return competenceRule;
    }

    public String competenceReason() {
        return competenceReason;
    }

    public String acknowledgedBy() {
        return acknowledgedBy;
    }

    public Instant acknowledgedAt() {
        return acknowledgedAt;
    }

    public String suggestedUnit() {
        return suggestedUnit;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String outcomeNote() {
        return outcomeNote;
    }

    public String outcomeBy() {
        return outcomeBy;
    }

    public Instant outcomeAt() {
        return outcomeAt;
    }
}
