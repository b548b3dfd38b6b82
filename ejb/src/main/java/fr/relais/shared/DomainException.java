package fr.relais.shared;

import jakarta.ejb.ApplicationException;

/**
 * A refusal the caller can act on. Rolls back the transaction so that a domain write and the
 * process state it caused never half-commit.
 */
@ApplicationException(rollback = true)
public class DomainException extends RuntimeException {
    public enum Kind {
        INVALID_INPUT,
        NOT_FOUND,
        FORBIDDEN,
        CONFLICT,
        /** Well-formed but contradicting an earlier request, e.g. an idempotency key reused with another body. */
        UNPROCESSABLE,
        /** Refused by a rate limit; see {@link RateLimited} for when to retry. */
        TOO_MANY_REQUESTS
    }

    /** The code of a transaction that lost a race with another one: worth running again. */
    public static final String CONCURRENT_UPDATE = "concurrent_update";

    private final Kind kind;
    private final String code;

    public DomainException(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public static DomainException invalid(String code, String message) {
        return new DomainException(Kind.INVALID_INPUT, code, message);
    }

    public static DomainException notFound(String code, String message) {
        return new DomainException(Kind.NOT_FOUND, code, message);
    }

    public static DomainException forbidden(String message) {
        return new DomainException(Kind.FORBIDDEN, "forbidden", message);
    }

    public static DomainException conflict(String code, String message) {
        return new DomainException(Kind.CONFLICT, code, message);
    }

    /** Another transaction changed what this one meant to change; nothing of this one is stored. */
    public static DomainException concurrentUpdate() {
        return conflict(CONCURRENT_UPDATE, "Quelqu'un d'autre vient de traiter cette étape.");
    }

    public static DomainException unprocessable(String code, String message) {
        return new DomainException(Kind.UNPROCESSABLE, code, message);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
