package fr.relais.operators.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * Where an operator stands: available, on break or off shift, since when, and the cap of
 * conversations held at once a supervisor set (none: the configured default). No row means
 * available with the default cap, so that a new account can take chats at once.
 */
@Entity
@Table(name = "operator_state")
@NamedQuery(name = OperatorState.OF_USERS, query = "select s from OperatorState s where s.username in :usernames")
public class OperatorState {
    public static final String OF_USERS = "OperatorState.ofUsers";

    public enum Status {
        AVAILABLE,
        ON_BREAK,
        OFF_SHIFT
    }

    @Id
    @Column(length = 60)
    private String username;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status = Status.AVAILABLE;

    @Column(name = "status_since", nullable = false)
    private Instant statusSince;

    @Column(name = "max_chats")
    private Integer maxChats;

    @Version
    private long version;

    protected OperatorState() {}

    public OperatorState(String username, Instant now) {
        this.username = username;
        this.statusSince = now;
    }

    /** Changes the status; the change to record, or null when it was already so. */
    public OperatorStatusChange changeTo(Status next, Instant now) {
        if (next == status) {
            return null;
        }
        OperatorStatusChange change = new OperatorStatusChange(username, status, next, now);
        status = next;
        statusSince = now;
        return change;
    }

    public void capAt(Integer maxChats) {
        this.maxChats = maxChats;
    }

    public String username() {
        return username;
    }

    public Status status() {
        return status;
    }

    public Instant statusSince() {
        return statusSince;
    }

    /** The cap a supervisor set, or null for the configured default. */
    public Integer maxChats() {
        return maxChats;
    }
}
