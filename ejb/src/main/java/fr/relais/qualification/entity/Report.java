package fr.relais.qualification.entity;

import fr.relais.shared.DomainException;
import fr.relais.shared.Platform;
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
import java.time.Instant;

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
        name = Report.OF_OPERATOR_IN,
        query = "select r from Report r where r.platform = :platform and r.operator = :operator"
                + " and r.status in :statuses order by r.createdAt")
@NamedQuery(name = Report.BY_REFERENCE, query = "select r from Report r where r.reference = :reference")
public class Report {
    public static final String BY_REFERENCE = "Report.byReference";
    public static final String OF_OPERATOR_IN = "Report.ofOperatorIn";
    public static final String OF_PLATFORM_IN = "Report.ofPlatformIn";

    /**
     * Where the report stands: a read model of its process, written by the model's {@code reportStage}
     * listeners in the transaction of each step, never by hand.
     */
    public enum Status {
        QUALIFYING,
        ANONYMISING,
        IN_REVIEW,
        FORWARDING,
        FORWARDED,
        REROUTING,
        TAKEN_OVER
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

    @Column(name = "facts_at")
    private Instant factsAt;

    private boolean urgent;

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

    /** Records the qualification; an operator qualifying a report received by a form takes it. */
    public void qualify(Qualification q, String by, Instant now) {
        expect(Status.QUALIFYING);
        if (operator == null) {
            operator = by;
        }
        this.category = q.category();
        this.postalCode = q.postalCode();
        this.commune = q.commune();
        this.factsAt = q.factsAt();
        this.urgent = q.urgent();
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

    /** The process entered a stage (see {@link Status}). */
    public void enterStage(Status stage) {
        this.status = stage;
    }

    /** Whether a unit may contact the reporter: not anonymous, and the reporter agreed. */
    public boolean reporterReachable() {
        return !anonymous && contactConsent;
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

    public Instant factsAt() {
        return factsAt;
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
}
