-- The tamper-evident audit trail: one hash chain per report, chat, user or the administration
-- (chain_key), each event carrying the hash of the one before it over a canonical form of its fields
-- (see fr.relais.audit.control.CanonicalForm, version 1); the head of each chain, locked while an
-- event is appended so that writes queue per chain only; a daily anchor over every chain's head; the
-- results of verifications. No personal data in events (ids and staff-typed, non-personal fields).
CREATE TABLE audit_event (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    chain_key   VARCHAR(80)   NOT NULL,
    seq         BIGINT        NOT NULL,
    at          DATETIME(6)   NOT NULL,
    actor       VARCHAR(60)   NOT NULL,
    actor_role  VARCHAR(20)   NOT NULL,
    kind        VARCHAR(40)   NOT NULL,
    report_id   BIGINT        NULL,
    chat_id     BIGINT        NULL,
    fields      MEDIUMTEXT    NOT NULL,
    form        SMALLINT      NOT NULL,
    prev_hash   CHAR(64)      NOT NULL,
    hash        CHAR(64)      NOT NULL,
    UNIQUE KEY ux_audit_event_chain (chain_key, seq),
    KEY ix_audit_event_report (report_id, at),
    KEY ix_audit_event_chat (chat_id, at),
    KEY ix_audit_event_at (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE audit_chain_head (
    chain_key   VARCHAR(80)   NOT NULL PRIMARY KEY,
    seq         BIGINT        NOT NULL,
    hash        CHAR(64)      NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One anchor per day (the unique day makes the nightly job cluster-safe): the hash over every chain's
-- head sorted by key at that moment, chained to the previous anchor.
CREATE TABLE audit_anchor (
    day         DATE          NOT NULL PRIMARY KEY,
    at          DATETIME(6)   NOT NULL,
    chains      BIGINT        NOT NULL,
    heads_hash  CHAR(64)      NOT NULL,
    prev_hash   CHAR(64)      NOT NULL,
    hash        CHAR(64)      NOT NULL,
    written_by  VARCHAR(60)   NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE audit_verification (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    at           DATETIME(6)   NOT NULL,
    by_whom      VARCHAR(60)   NOT NULL,
    report_id    BIGINT        NULL,
    holds        BOOLEAN       NOT NULL,
    chains       BIGINT        NOT NULL,
    events       BIGINT        NOT NULL,
    broken_chain VARCHAR(80)   NULL,
    broken_seq   BIGINT        NULL,
    broken_event BIGINT        NULL,
    reason       VARCHAR(20)   NULL,
    KEY ix_audit_verification_at (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The auditors' search: by date range alone or with one criterion, newest first.
ALTER TABLE report
    ADD KEY ix_report_created (created_at),
    ADD KEY ix_report_platform_created (platform, created_at),
    ADD KEY ix_report_category_created (category, created_at),
    ADD KEY ix_report_status_created (status, created_at),
    ADD KEY ix_report_operator_created (operator, created_at);
ALTER TABLE handoff
    ADD KEY ix_handoff_unit_report (unit_code, report_id);
