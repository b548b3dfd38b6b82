package fr.relais.appointment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A citizen's appointment at a unit: one desk of one slot, held until cancelled. Known to the citizen
 * by a code, of which only a hash is stored; the contact is erased at retention.
 */
@Entity
@Table(name = "appointment_booking")
@NamedQuery(name = Booking.BY_CODE, query = "select b from Booking b where b.codeHash = :codeHash")
@NamedQuery(
        name = Booking.HELD_BETWEEN,
        query = "select b from Booking b where b.unitCode = :unit and b.held = true and b.startsAt >= :from"
                + " and b.startsAt < :to order by b.startsAt, b.desk")
@NamedQuery(
        name = Booking.OF_UNIT_BETWEEN,
        query = "select b from Booking b where b.unitCode = :unit and b.startsAt >= :from and b.startsAt < :to"
                + " order by b.startsAt, b.desk, b.id")
@NamedQuery(
        name = Booking.FUTURE_OF_CONTACT,
        query = "select count(b) from Booking b where b.contact = :contact and b.held = true and b.startsAt > :now")
public class Booking {
    public static final String BY_CODE = "Booking.byCode";
    public static final String HELD_BETWEEN = "Booking.heldBetween";
    public static final String OF_UNIT_BETWEEN = "Booking.ofUnitBetween";
    public static final String FUTURE_OF_CONTACT = "Booking.futureOfContact";

    /** What the citizen comes for. */
    public enum Kind {
        PLAINTE,
        MAIN_COURANTE
    }

    /** The reason, from a short list (no free text: nothing personal, nothing to escape). */
    public enum Category {
        THEFT,
        BURGLARY,
        FRAUD,
        VIOLENCE,
        HARASSMENT,
        DAMAGE,
        NEIGHBOURS_OR_FAMILY,
        OTHER
    }

    public enum Status {
        BOOKED,
        CANCELLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "unit_code", nullable = false, length = 40)
    private String unitCode;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(nullable = false)
    private int desk;

    /** True while the booking holds its slot; null (never false) once cancelled, so the unique key ignores it. */
    @Column(name = "held")
    private Boolean held;

    @Column(name = "code_hash", nullable = false, length = 64)
    private String codeHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private Category category;

    @Column(length = 254)
    private String contact;

    @Column(name = "booked_at", nullable = false)
    private Instant bookedAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "erased_at")
    private Instant erasedAt;

    protected Booking() {}

    public Booking(
            String unitCode,
            Instant startsAt,
            Instant endsAt,
            int desk,
            String codeHash,
            Kind kind,
            Category category,
            String contact,
            Instant now) {
        this.unitCode = unitCode;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.desk = desk;
        this.held = Boolean.TRUE;
        this.codeHash = codeHash;
        this.kind = kind;
        this.category = category;
        this.contact = contact;
        this.bookedAt = now;
    }

    /** Gives the slot back. */
    public void cancel(Instant now) {
        this.held = null;
        this.cancelledAt = now;
    }

    /** Takes another slot (of the same unit) instead. */
    public void moveTo(Instant startsAt, Instant endsAt, int desk) {
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.desk = desk;
    }

    /** Retention: the contact goes, what remains says nothing of anyone. */
    public void erase(Instant now) {
        this.contact = null;
        this.erasedAt = now;
    }

    public Status status() {
        return Boolean.TRUE.equals(held) ? Status.BOOKED : Status.CANCELLED;
    }

    public boolean isHeld() {
        return Boolean.TRUE.equals(held);
    }

    public long id() {
        return id;
    }

    public String unitCode() {
        return unitCode;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public int desk() {
        return desk;
    }

    public Kind kind() {
        return kind;
    }

    public Category category() {
        return category;
    }

    public String contact() {
        return contact;
    }

    public Instant bookedAt() {
        return bookedAt;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    public Instant erasedAt() {
        return erasedAt;
    }
}
