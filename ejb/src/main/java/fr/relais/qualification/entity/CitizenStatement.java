package fr.relais.qualification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * What a citizen stated on the public form, kept as given: the report made from it is qualified by
 * an operator, who checks and completes it (the qualification is the report's own and may differ).
 * The time of the facts is the citizen's answer ({@link #factsStated}: {@code 2026-11-27T21:30},
 * {@code 2026-11-27} or {@value #UNKNOWN}) and, when a date and a time were given, the instant they
 * name in the time zone of the commune's department.
 */
@Entity
@Table(name = "citizen_statement")
@NamedQuery(
        name = CitizenStatement.AWAITING_OPERATOR,
        query = "select r, s from Report r, CitizenStatement s where s.reportId = r.id"
                + " and r.platform = :platform and r.operator is null and r.status = :status order by r.createdAt")
public class CitizenStatement {
    public static final String AWAITING_OPERATOR = "CitizenStatement.awaitingOperator";
    public static final String UNKNOWN = "unknown";

    @Id
    @Column(name = "report_id")
    private Long reportId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private Category category;

    @Column(name = "commune_insee", nullable = false, length = 5)
    private String communeInsee;

    @Column(nullable = false, length = 100)
    private String commune;

    @Column(name = "postal_code", nullable = false, length = 5)
    private String postalCode;

    @Column(length = 200)
    private String place;

    @Column(name = "facts_stated", nullable = false, length = 20)
    private String factsStated;

    @Column(name = "facts_at")
    private Instant factsAt;

    @Lob
    @Column(nullable = false)
    private String narrative;

    private boolean anonymous;

    @Column(name = "first_name", length = 100)
    private String firstName;

    @Column(name = "last_name", length = 100)
    private String lastName;

    @Column(length = 40)
    private String phone;

    @Column(length = 200)
    private String email;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    /** The narrative, place and identity as stated, sealed under the report's data key. */
    @Lob
    @Column(name = "sealed_original")
    private String sealedOriginal;

    protected CitizenStatement() {}

    /** The statement's narrative, place and identity, sealed by the caller, leave the plain columns. */
    public void seal(String sealed) {
        this.sealedOriginal = sealed;
        this.narrative = "";
        this.place = null;
        this.firstName = null;
        this.lastName = null;
        this.phone = null;
        this.email = null;
    }

    /** Retention: nothing of the statement's text or identity is left. */
    public void erase() {
        seal(null);
    }

    public String sealedOriginal() {
        return sealedOriginal;
    }

    public CitizenStatement(
            long reportId,
            Category category,
            String communeInsee,
            String commune,
            String postalCode,
            String place,
            String factsStated,
            Instant factsAt,
            String narrative,
            boolean anonymous,
            Qualification.Reporter reporter,
            Instant submittedAt) {
        this.reportId = reportId;
        this.category = category;
        this.communeInsee = communeInsee;
        this.commune = commune;
        this.postalCode = postalCode;
        this.place = place;
        this.factsStated = factsStated;
        this.factsAt = factsAt;
        this.narrative = narrative;
        this.anonymous = anonymous;
        this.firstName = reporter.firstName();
        this.lastName = reporter.lastName();
        this.phone = reporter.phone();
        this.email = reporter.email();
        this.submittedAt = submittedAt;
    }

    public long reportId() {
        return reportId;
    }

    public Category category() {
        return category;
    }

    public String communeInsee() {
        return communeInsee;
    }

    public String commune() {
        return commune;
    }

    public String postalCode() {
        return postalCode;
    }

    public String place() {
        return place;
    }

    public String factsStated() {
        return factsStated;
    }

    public Instant factsAt() {
        return factsAt;
    }

    public String narrative() {
        return narrative;
    }

    public boolean anonymous() {
        return anonymous;
    }

    /** The identity and contact the citizen gave (names only when they chose not to stay anonymous). */
    public Qualification.Reporter reporter() {
        return new Qualification.Reporter(firstName, lastName, phone, email);
    }

    /** Whether the citizen left a way to reach them. */
    public boolean contactGiven() {
        return phone != null || email != null;
    }

    public Instant submittedAt() {
        return submittedAt;
    }
}
