-- Two processes (conversation, report) instead of one: a chat may give several reports and goes on
-- after them; a report may come without a chat (public form) and without an operator yet. Forwarding
-- owns its handoffs (one row per unit the report was sent to, with the unit's answer); the report
-- keeps only what qualification owns. Its status is a read model written from the process.
CREATE TABLE handoff (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    report_id      BIGINT        NOT NULL,
    unit_code      VARCHAR(40)   NOT NULL,
    forwarded_at   DATETIME(6)   NOT NULL,
    forwarded_by   VARCHAR(60),
    decision       VARCHAR(20),
    decided_by     VARCHAR(60),
    decided_at     DATETIME(6),
    decline_reason VARCHAR(1000),
    version        BIGINT        NOT NULL DEFAULT 0,
    KEY ix_handoff_report (report_id, id),
    KEY ix_handoff_unit_pending (unit_code, decision, forwarded_at),
    CONSTRAINT fk_handoff_report FOREIGN KEY (report_id) REFERENCES report (id),
    CONSTRAINT fk_handoff_unit FOREIGN KEY (unit_code) REFERENCES unit (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO handoff (report_id, unit_code, forwarded_at, decision, decided_by, decided_at, decline_reason)
SELECT id, unit_code, COALESCE(forwarded_at, created_at),
       CASE status WHEN 'TAKEN_OVER' THEN 'ACCEPTED' WHEN 'REROUTING' THEN 'DECLINED' END,
       taken_over_by, taken_over_at, decline_reason
FROM report WHERE unit_code IS NOT NULL;

ALTER TABLE report
    ADD KEY ix_report_chat (chat_id),
    ADD KEY ix_report_operator (platform, operator, status);
ALTER TABLE report
    DROP INDEX chat_id,
    DROP INDEX ix_report_unit,
    DROP COLUMN unit_code,
    DROP COLUMN decline_reason,
    DROP COLUMN forwarded_at,
    DROP COLUMN taken_over_at,
    DROP COLUMN taken_over_by,
    MODIFY chat_id BIGINT NULL,
    MODIFY operator VARCHAR(60) NULL,
    MODIFY process_instance_id VARCHAR(64) NULL,
    ADD COLUMN contact_consent BOOLEAN NOT NULL DEFAULT FALSE AFTER anonymous;

ALTER TABLE chat ADD COLUMN reports_made INT NOT NULL DEFAULT 0 AFTER operator;
