package fr.relais.operators.entity;

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

/** One change of an operator's status, kept for the service-level dashboards (time available, on break). */
@Entity
@Table(name = "operator_status_change")
@NamedQuery(
        name = OperatorStatusChange.OF_USER,
        query = "select c from OperatorStatusChange c where c.username = :username order by c.changedAt, c.id")
public class OperatorStatusChange {
    public static final String OF_USER = "OperatorStatusChange.ofUser";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 60)
    private String username;

    @Enumerated(EnumType.STRING)
    @Column(name = "previous_status", nullable = false, length = 20)
    private OperatorState.Status previousStatus;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private OperatorState.Status status;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected OperatorStatusChange() {}

    OperatorStatusChange(
            String username, OperatorState.Status previousStatus, OperatorState.Status status, Instant changedAt) {
        this.username = username;
        this.previousStatus = previousStatus;
        this.status = status;
        this.changedAt = changedAt;
    }

    public String username() {
        return username;
    }

    public OperatorState.Status previousStatus() {
        return previousStatus;
    }

    public OperatorState.Status status() {
        return status;
    }

    public Instant changedAt() {
        return changedAt;
    }
}
