package fr.relais.shared;

/** A request refused by a rate limit (429 {@code rate_limited}), with the seconds to wait before retrying. */
public class RateLimited extends DomainException {
    public static final String CODE = "rate_limited";

    private final long retryAfterSeconds;

    public RateLimited(String message, long retryAfterSeconds) {
        super(Kind.TOO_MANY_REQUESTS, CODE, message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
