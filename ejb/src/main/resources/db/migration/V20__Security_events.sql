-- Accounts can be disabled (their tokens are revoked at once, see Revocations);
-- security events (locks after password guessing, disabled accounts) are kept for review.
ALTER TABLE app_user ADD COLUMN enabled BOOLEAN NOT NULL DEFAULT TRUE;

CREATE TABLE security_event (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    occurred_at    DATETIME(6)  NOT NULL,
    kind           VARCHAR(40)  NOT NULL,
    username       VARCHAR(60),
    client_address VARCHAR(64),
    detail         VARCHAR(255),
    INDEX ix_security_event_occurred_at (occurred_at),
    INDEX ix_security_event_username (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
