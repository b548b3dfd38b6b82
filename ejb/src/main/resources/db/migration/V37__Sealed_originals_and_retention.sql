-- Sealed originals, records of reads and retention by crypto-shredding (issue 10).
-- A data key per report (and per conversation), AES-256, stored only wrapped by a master key kept
-- outside the database (configuration); its id is kept with each wrapped key so that master keys rotate.
CREATE TABLE data_key (
    id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    owner_kind   VARCHAR(10) NOT NULL,
    owner_id     BIGINT      NOT NULL,
    key_id       VARCHAR(40),
    wrapped_key  VARCHAR(200),
    created_at   DATETIME(6) NOT NULL,
    destroyed_at DATETIME(6),
    version      BIGINT      NOT NULL DEFAULT 0,
    UNIQUE KEY uk_data_key_owner (owner_kind, owner_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every read of non-redacted personal data by staff, and every unsealing with its reason.
CREATE TABLE personal_data_read (
    id        BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username  VARCHAR(60)  NOT NULL,
    role      VARCHAR(20)  NOT NULL,
    read_at   DATETIME(6)  NOT NULL,
    report_id BIGINT,
    chat_id   BIGINT,
    kind      VARCHAR(10)  NOT NULL,
    reason    VARCHAR(1000),
    KEY ix_personal_data_read_report (report_id),
    KEY ix_personal_data_read_chat (chat_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Sealed values: base64 of IV and AES-GCM ciphertext, the plain columns cleared in the same transaction.
ALTER TABLE report
    ADD COLUMN sealed_original LONGTEXT,
    ADD COLUMN sealed_at DATETIME(6),
    ADD COLUMN erased_at DATETIME(6);
ALTER TABLE chat
    ADD COLUMN sealed_at DATETIME(6),
    ADD COLUMN erased_at DATETIME(6);
ALTER TABLE chat_message ADD COLUMN sealed_text LONGTEXT;
ALTER TABLE citizen_statement ADD COLUMN sealed_original LONGTEXT;
CREATE INDEX ix_report_closed_erased ON report (closed_at, erased_at);
CREATE INDEX ix_chat_closed_erased ON chat (closed_at, erased_at);
