-- Reports without a chat: what a citizen stated on the public form, kept as given (the operator's
-- qualification is stored on the report and may differ), and the idempotency key of a submission.
-- The time of the facts: facts_stated is the citizen's answer as canonical text ('2026-11-27T21:30',
-- '2026-11-27' or 'unknown'); facts_at the instant when a date and a time were given, read in the
-- time zone of the commune's department.
CREATE TABLE citizen_statement (
    report_id      BIGINT        NOT NULL PRIMARY KEY,
    category       VARCHAR(40)   NOT NULL,
    commune_insee  VARCHAR(5)    NOT NULL,
    commune        VARCHAR(100)  NOT NULL,
    postal_code    VARCHAR(5)    NOT NULL,
    place          VARCHAR(200),
    facts_stated   VARCHAR(20)   NOT NULL,
    facts_at       DATETIME(6),
    narrative      TEXT          NOT NULL,
    anonymous      BOOLEAN       NOT NULL DEFAULT TRUE,
    first_name     VARCHAR(100),
    last_name      VARCHAR(100),
    phone          VARCHAR(40),
    email          VARCHAR(200),
    submitted_at   DATETIME(6)   NOT NULL,
    CONSTRAINT fk_citizen_statement_report FOREIGN KEY (report_id) REFERENCES report (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE idempotency_key ADD COLUMN report_id BIGINT;
