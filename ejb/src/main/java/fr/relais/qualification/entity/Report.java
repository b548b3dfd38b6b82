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
 * A report made of a conversation: qualified by an operator, anonymised where the reporter asked
 * for it, forwarded to the competent unit, which takes it over or declines it.
 */
@Entity
@Table(name = "report")
@NamedQuery(
        name = Report.FORWARDED_TO,
        query = "select r from Report r where r.unitCode = :unitCode and r.status in :statuses order by r.forwardedAt")
@NamedQuery(
        name = Report.OF_PLATFORM_IN,
        query = "select r from Report r where r.platform = :platform and r.status in :statuses order by r.createdAt")
@NamedQuery(
        name = Report.OF_OPERATOR_IN,
        query = "select r from Report r where r.platform = :platform and r.operator = :operator"
                + " and r.status in :statuses order by r.createdAt")
public class Report {
    public static final String FORWARDED_TO = "Report.forwardedTo";
    public static final String OF_OPERATOR_IN = "Report.ofOperatorIn";
    public static final String OF_PLATFORM_IN = "Report.ofPlatformIn";

    public enum Status {
        QUALIFYING,
        IN_REVIEW,
        FORWARDED,
        REROUTING,
        TAKEN_OVER
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "chat_id", nullable = false, unique = true)
    private Long chatId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Platform platform;

    @Column(nullable = false, length = 60)
    private String operator;

    @Column(name = "process_instance_id", nullable = false, length = 64)
    private String processInstanceId;

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

    @Column(name = "unit_code", length = 40)
    private String unitCode;

    @Column(name = "decline_reason", length = 1000)
    private String declineReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "qualified_at")
    private Instant qualifiedAt;

    @Column(name = "forwarded_at")
    private Instant forwardedAt;

    @Column(name = "taken_over_at")
    private Instant takenOverAt;

    @Column(name = "taken_over_by", length = 60)
    private String takenOverBy;

    @Version
    private long version;

    protected Report() {}

    public Report(Long chatId, Platform platform, String operator, String processInstanceId, Instant now) {
        this.chatId = chatId;
        this.processInstanceId = processInstanceId;
        this.platform = platform;
        this.operator = operator;
        this.createdAt = now;
    }

    public void qualify(Qualification q, Instant now) {
        expect(Status.QUALIFYING);
        this.category = q.category();
        this.postalCode = q.postalCode();
        this.commune = q.commune();
        this.factsAt = q.factsAt();
        this.urgent = q.urgent();
        this.victimMinor = q.victimMinor();
        this.anonymous = q.anonymous();
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
        expect(Status.QUALIFYING);
        this.outgoingNarrative = text;
        this.status = Status.IN_REVIEW;
    }

    /** The operator's reviewed narrative, or the proposal kept as it is when {@code text} is null. */
    public void approveOutgoingNarrative(String text) {
        expect(Status.IN_REVIEW);
        if (text != null) {
            this.outgoingNarrative = text;
        }
    }

    public void forwardTo(String unitCode, Instant now) {
        if (status != Status.IN_REVIEW && status != Status.REROUTING) {
            throw illegalState();
        }
        this.unitCode = unitCode;
        this.forwardedAt = now;
        this.status = Status.FORWARDED;
    }

    /** No unit covers the place: the platform's supervisors choose one. */
    public void awaitRerouting() {
        expect(Status.IN_REVIEW);
        this.status = Status.REROUTING;
    }

    public void takeOver(String agent, Instant now) {
        expect(Status.FORWARDED);
        this.status = Status.TAKEN_OVER;
        this.takenOverBy = agent;
        this.takenOverAt = now;
    }

    public void decline(String reason) {
        expect(Status.FORWARDED);
        this.declineReason = reason;
        this.status = Status.REROUTING;
    }

    private void expect(Status expected) {
        if (status != expected) {
            throw illegalState();
        }
    }

    private DomainException illegalState() {
        return DomainException.conflict(
                "report_state", "Le signalement n'est pas à l'étape attendue (" + status + ").");
    }

    public Long id() {
        return id;
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

    public String narrative() {
        return narrative;
    }

    public String outgoingNarrative() {
        return outgoingNarrative;
    }

    public Qualification.Reporter reporter() {
        return new Qualification.Reporter(reporterFirstName, reporterLastName, reporterPhone, reporterEmail);
    }

    public String unitCode() {
        return unitCode;
    }

    public String declineReason() {
        return declineReason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant forwardedAt() {
        return forwardedAt;
    }

    public Instant takenOverAt() {
        return takenOverAt;
    }

    public String takenOverBy() {
        return takenOverBy;
    }
}
