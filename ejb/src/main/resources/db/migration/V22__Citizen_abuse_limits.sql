-- Abuse of the public endpoints: a chat counts the characters its citizen wrote (cap on a chat's
-- total size); the idempotency keys of the citizen's API (opening a chat, sending a message) are
-- kept 24 hours: only a hash of the key, the request's hash, what it made, and for an opening the
-- chat token encrypted under a key derived from the idempotency key (never the token in clear).
ALTER TABLE chat ADD COLUMN citizen_characters INT NOT NULL DEFAULT 0;

CREATE TABLE idempotency_key (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    key_hash      CHAR(64)     NOT NULL,
    request_hash  CHAR(64)     NOT NULL,
    chat_id       BIGINT,
    message_id    BIGINT,
    sealed_token  VARCHAR(200),
    created_at    DATETIME(6)  NOT NULL,
    UNIQUE KEY ux_idempotency_key_hash (key_hash),
    KEY ix_idempotency_key_created_at (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
