package fr.relais.qualification.entity;

import fr.relais.qualification.control.Decisions;
import fr.relais.shared.DomainException;
import fr.relais.shared.Platform;
import fr.relais.workflow.ProcessVariables.Validation;
import fr.relais.workflow.ProcessVariables.ValidationDecision;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A report, made during a conversation or received by a form: qualified by an operator, anonymised
 * where the reporter asked for it. Where it goes next is the forwarding component's.
 */
@Entity
@Table(name = "report")
@NamedQuery(
        name = Report.OF_PLATFORM_IN,
        query = "select r from Report r where r.platform = :platform and r.status in :statuses order by r.createdAt")
@NamedQuery(
        name = Report.AWAITING_VALIDATION,
        query = "select r from Report r where r.platform = :platform and r.validationPending = true"
                + " order by r.validateDueAt, r.createdAt")
@NamedQuery(
        name = Report.OF_OPERATOR_IN,
        query = "select r from Report r where r.platform = :platform and r.operator = :operator"
                + " and r.status in :statuses order by r.createdAt")
@NamedQuery(name = Report.BY_REFERENCE, query = "select r from Report r where r.reference = :reference")
public class Report implements Serializable {
    public static final String BY_REFERENCE = "Report.byReference";
    public static final String OF_OPERATOR_IN = "Report.ofOperatorIn";
    public static final String OF_PLATFORM_IN = "Report.ofPlatformIn";
    public static final String AWAITING_VALIDATION = "Report.awaitingValidation";

    /**
     * Where the report stands: a read model of its process, written by the model's {@code reportStage}
     * listeners in the transaction of each step, never by hand.
     */
    public enum Status {
        QUALIFYING,
        AWAITING_VALIDATION,
        ANONYMISING,
        IN_REVIEW,
        FORWARDING,
        FORWARDED,
        REROUTING,
        ACKNOWLEDGED,
        TAKEN_OVER,
        CLOSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The conversation it was made in; none for a report received by a form. */
    @Column(name = "chat_id")
    private Long chatId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Platform platform;

    /** The operator who qualifies it; none until an operator takes a report received by a form. */
    @Column(length = 60)
    private String operator;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    /** The citizen's receipt reference (see {@code ReceiptReference}); unique, set once. */
    @Column(length = 12, unique = true)
    private String reference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status = Status.QUALIFYING;

    @Enumerated(EnumType.STRING)
    @Column(length = 40)
    private Category category;

    @Column(name = "postal_code", length = 5)
    private String postalCode;

    @Column(length = 100)
    private String commune;

    /** INSEE code of the place in the official list of communes; null on reports made before it. */
    @Column(name = "commune_insee", length = 5)
    private String communeInsee;

    /** The moment of the facts, or the start of their day or period (UTC); see {@link FactsWhen}. */
    @Column(name = "facts_at")
    private Instant factsAt;

    /** How the time of the facts is known: EXACT, DAY, PERIOD or UNKNOWN; null on reports made before. */
    @Enumerated(EnumType.STRING)
    @Column(name = "facts_when", length = 10)
    private FactsWhen.Kind factsWhen;

    /** The end (exclusive) of the facts' day or period (UTC). */
    @Column(name = "facts_until")
    private Instant factsUntil;

    /** The time zone the operator told the dates in: the place's department's. */
    @Column(name = "facts_zone", length = 40)
    private String factsZone;

    private boolean urgent;

    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    private Urgency urgency;

    @Column(name = "danger_now")
    private boolean dangerNow;

    @Enumerated(EnumType.STRING)
    @Column(length = 2)
    private Priority priority;

    @Enumerated(EnumType.STRING)
    @Column(name = "unit_kind", length = 30)
    private UnitKind unitKind;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private Validation validation;

    @Column(name = "decision_versions", length = 200)
    private String decisionVersions;

    @Column(name = "time_to_validate", length = 20)
    private String timeToValidate;

    @Column(name = "time_to_forward", length = 20)
    private String timeToForward;

    @Column(name = "time_to_acknowledge", length = 20)
    private String timeToAcknowledge;

    @Column(name = "validate_due_at")
    private Instant validateDueAt;

    @Column(name = "forward_due_at")
    private Instant forwardDueAt;

    @Column(name = "acknowledge_due_at")
    private Instant acknowledgeDueAt;

    /** When the unit recorded its outcome and the report closed: the retention clock starts here. */
    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "validation_pending")
    private boolean validationPending;

    @Enumerated(EnumType.STRING)
    @Column(name = "validation_decision", length = 20)
    private ValidationDecision validationDecision;

    @Column(name = "validation_comment", length = 2000)
    private String validationComment;

    @Column(name = "validated_by", length = 60)
    private String validatedBy;

    @Column(name = "validated_at")
    private Instant validatedAt;

    @Column(name = "victim_minor")
    private boolean victimMinor;

    private boolean anonymous;

    @Column(name = "contact_consent")
    private boolean contactConsent;

    @Lob
    private String narrative;

    @Lob
    @Column(name = "outgoing_narrative")
    private String outgoingNarrative;

    @Column(name = "reporter_first_name", length = 100)
    private String reporterFirstName;

    @Column(name = "reporter_last_name", length = 100)
    private String reporterLastName;

    @Column(name = "reporter_phone", length = 40)
    private String reporterPhone;

    @Column(name = "reporter_email", length = 200)
    private String reporterEmail;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "qualified_at")
    private Instant qualifiedAt;

    /** The original narrative and identity, sealed under the report's data key once the platform's work ended. */
    @Lob
    @Column(name = "sealed_original")
    private String sealedOriginal;

    @Column(name = "sealed_at")
    private Instant sealedAt;

    /** When retention erased its personal data: ids, times and categories are all that is left. */
    @Column(name = "erased_at")
    private Instant erasedAt;

    @Version
    private long version;

    protected Report() {}

    public Report(Long chatId, Platform platform, String operator, Instant now) {
        this.chatId = chatId;
        this.platform = platform;
        this.operator = operator;
        this.createdAt = now;
    }

    /** Gives the report the receipt reference its reporter will quote; once only. */
    public void assignReference(String reference) {
        if (this.reference != null) {
            throw new IllegalStateException("report " + id + " already has a reference");
        }
        this.reference = reference;
    }

    public void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /**
     * The operator qualifying the report left for good (account disabled): the report goes back to the
     * platform, and the next operator to qualify it takes it, as with a report received by a form.
     */
    public void release() {
        if (status == Status.QUALIFYING) {
            operator = null;
        }
    }

    /** Records the qualification; an operator qualifying a report received by a form takes it. */
    public void qualify(Qualification q, FactsWhen when, String by, Instant now) {
        expect(Status.QUALIFYING);
        if (operator == null) {
            operator = by;
        }
        this.category = q.category();
        this.postalCode = q.postalCode();
        this.commune = q.commune();
        this.communeInsee = q.communeInsee();
        this.factsWhen = when.kind();
        this.factsAt = when.from();
        this.factsUntil = when.until();
        this.factsZone = when.zone() == null ? null : when.zone().getId();
        this.urgent = q.urgent();
        this.urgency = q.urgency();
        this.dangerNow = q.dangerNow();
        this.victimMinor = q.victimMinor();
        this.anonymous = q.anonymous();
        this.contactConsent = q.contactConsent();
        this.narrative = q.narrative();
        var reporter = q.reporter() == null ? Qualification.Reporter.NONE : q.reporter();
        this.reporterFirstName = reporter.firstName();
        this.reporterLastName = reporter.lastName();
        this.reporterPhone = reporter.phone();
        this.reporterEmail = reporter.email();
        this.qualifiedAt = now;
    }

    /**
     * Records what the decision tables decided after the qualification. Targets run from the
     * qualification: validating it, and forwarding it unless it must wait for the validation (then
     * forwarding runs from the approval). The unit's acknowledgement runs from each forwarding.
     */
    public void applyDecisions(Decisions decisions) {
        if (qualifiedAt == null) {
            throw new IllegalStateException("report " + id + " decided before it was qualified");
        }
        this.priority = decisions.priority();
        this.unitKind = decisions.unitKind();
        this.validation = decisions.validation();
        this.decisionVersions = decisions.versions();
        this.timeToValidate = decisions.timeToValidate().toString();
        this.timeToForward = decisions.timeToForward().toString();
        this.timeToAcknowledge = decisions.timeToAcknowledge().toString();
        boolean validated = validation != Validation.NONE;
        this.validationPending = validated;
        this.validateDueAt = validated ? qualifiedAt.plus(decisions.timeToValidate()) : null;
        this.forwardDueAt =
                validation == Validation.BEFORE_FORWARDING ? null : qualifiedAt.plus(decisions.timeToForward());
        this.acknowledgeDueAt = null;
    }

    /**
     * A supervisor's answer on a report waiting for validation. Sent back, a comment is mandatory; the
     * operator sees it. Approved before forwarding, the forwarding target starts now.
     */
    public void validate(ValidationDecision decision, String comment, String by, Instant now) {
        if (!validationPending) {
            throw DomainException.conflict("not_awaiting_validation", "Ce signalement n'attend pas de validation.");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (decision == ValidationDecision.SENT_BACK && text == null) {
            throw DomainException.invalid(
                    "invalid_comment", "Un commentaire est obligatoire pour renvoyer le signalement à l'opérateur.");
        }
        if (text != null && text.length() > Qualification.MAX_VALIDATION_COMMENT) {
            throw DomainException.invalid("invalid_comment", "Le commentaire dépasse 2 000 caractères.");
        }
        this.validationPending = false;
        this.validationDecision = decision;
        this.validationComment = text;
        this.validatedBy = by;
        this.validatedAt = now;
        if (decision == ValidationDecision.APPROVED && validation == Validation.BEFORE_FORWARDING) {
            this.forwardDueAt = now.plus(Duration.parse(timeToForward));
        }
    }

    /** The report reached a unit's inbox: the unit's acknowledgement target starts now. */
    public void startAcknowledgementClock(Instant now) {
        this.acknowledgeDueAt = timeToAcknowledge == null ? null : now.plus(Duration.parse(timeToAcknowledge));
    }

    /** The narrative that will leave the platform, before the operator's review. */
    public void proposeOutgoingNarrative(String text) {
        expect(Status.ANONYMISING);
        this.outgoingNarrative = text;
    }

    /** The operator's reviewed narrative, or the proposal kept as it is when {@code text} is null. */
    public void approveOutgoingNarrative(String text) {
        expect(Status.IN_REVIEW);
        if (text != null) {
            this.outgoingNarrative = text;
        }
    }

    /** The operator masked or released an entity at review: the outgoing text as it now is. */
    public void reviseOutgoingNarrative(String text) {
        expect(Status.IN_REVIEW);
        this.outgoingNarrative = text;
    }

    /** The process entered a stage (see {@link Status}). */
    public void enterStage(Status stage) {
        this.status = stage;
    }

    /** The unit recorded its outcome: the report is closed from now on. */
    public void close(Instant now) {
        this.status = Status.CLOSED;
        if (closedAt == null) {
            this.closedAt = now;
        }
    }

    public Instant closedAt() {
        return closedAt;
    }

    /** Whether a unit may contact the reporter: not anonymous, and the reporter agreed. */
    public boolean reporterReachable() {
        return !anonymous && contactConsent;
    }

    /**
     * The platform's work on it ended: the original narrative and the identity, sealed by the caller in
     * {@code sealed}, leave the plain columns. A reachable reporter's identity and contact stay readable:
     * they are part of what the unit receives (see {@link #reporterReachable}).
     */
    public void seal(String sealed, Instant now) {
        if (sealedAt != null || erasedAt != null) {
            throw new IllegalStateException("report " + id + " already sealed");
        }
        this.sealedOriginal = sealed;
        this.sealedAt = now;
        this.narrative = null;
        if (!reporterReachable()) {
            clearReporter();
        }
    }

    /** Retention: every text that may identify someone goes; what is left is pseudonymised history. */
    public void erase(Instant now) {
        this.narrative = null;
        this.outgoingNarrative = null;
        this.sealedOriginal = null;
        this.validationComment = null;
        clearReporter();
        if (erasedAt == null) {
            this.erasedAt = now;
        }
    }

    private void clearReporter() {
        this.reporterFirstName = null;
        this.reporterLastName = null;
        this.reporterPhone = null;
        this.reporterEmail = null;
    }

    public boolean sealed() {
        return sealedAt != null;
    }

    public String sealedOriginal() {
        return sealedOriginal;
    }

    public Instant sealedAt() {
        return sealedAt;
    }

    public Instant erasedAt() {
        return erasedAt;
    }

    private void expect(Status expected) {
        if (status != expected) {
            throw DomainException.conflict(
                    "report_state", "Le signalement n'est pas à l'étape attendue (" + status + ").");
        }
    }

    public Long id() {
        return id;
    }

    public String reference() {
        return reference;
    }

    public Long chatId() {
        return chatId;
    }

    public Platform platform() {
        return platform;
    }

    public String operator() {
        return operator;
    }

    public String processInstanceId() {
        return processInstanceId;
    }

    public Status status() {
        return status;
    }

    public Category category() {
        return category;
    }

    public String postalCode() {
        return postalCode;
    }

    public String commune() {
        return commune;
    }

    public String communeInsee() {
        return communeInsee;
    }

    public Instant factsAt() {
        return factsAt;
    }

    /** When the facts happened, as qualified; null before the qualification. */
    public FactsWhen factsWhen() {
        return factsWhen == null
                ? null
                : new FactsWhen(factsWhen, factsAt, factsUntil, factsZone == null ? null : ZoneId.of(factsZone));
    }

    public boolean urgent() {
        return urgent;
    }

    public boolean victimMinor() {
        return victimMinor;
    }

    public boolean anonymous() {
        return anonymous;
    }

    public boolean contactConsent() {
        return contactConsent;
    }

    public String narrative() {
        return narrative;
    }

    public String outgoingNarrative() {
        return outgoingNarrative;
    }

    public Qualification.Reporter reporter() {
        return new Qualification.Reporter(reporterFirstName, reporterLastName, reporterPhone, reporterEmail);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant qualifiedAt() {
        return qualifiedAt;
    }

    public Urgency urgency() {
        return urgency;
    }

    public boolean dangerNow() {
        return dangerNow;
    }

    public Priority priority() {
        return priority;
    }

    public UnitKind unitKind() {
        return unitKind;
    }

    public Validation validation() {
        return validation;
    }

    public String decisionVersions() {
        return decisionVersions;
    }

    public String timeToValidate() {
        return timeToValidate;
    }

    public String timeToForward() {
        return timeToForward;
    }

    public String timeToAcknowledge() {
        return timeToAcknowledge;
    }

    public Instant validateDueAt() {
        return validateDueAt;
    }

    public Instant forwardDueAt() {
        return forwardDueAt;
    }

    public Instant acknowledgeDueAt() {
        return acknowledgeDueAt;
    }

    public boolean validationPending() {
        return validationPending;
    }

    public ValidationDecision validationDecision() {
        return validationDecision;
    }

    public String validationComment() {
        return validationComment;
    }

    public String validatedBy() {
        return validatedBy;
    }

    public Instant validatedAt() {
        return validatedAt;
    }
}
