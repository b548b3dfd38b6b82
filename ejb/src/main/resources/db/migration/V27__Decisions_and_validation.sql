-- What the decision tables decided for a report (priority, unit kind, validation, service-level
-- targets as durations and as due times) and the supervisor's validation of sensitive reports.
-- The operator's urgency replaces the former yes/no (kept, derived: urgent = HIGH).
ALTER TABLE report
    ADD COLUMN urgency              VARCHAR(10),
    ADD COLUMN danger_now           BOOLEAN       NOT NULL DEFAULT FALSE,
    ADD COLUMN priority             VARCHAR(2),
    ADD COLUMN unit_kind            VARCHAR(30),
    ADD COLUMN validation           VARCHAR(20),
    ADD COLUMN decision_versions    VARCHAR(200),
    ADD COLUMN time_to_validate     VARCHAR(20),
    ADD COLUMN time_to_forward      VARCHAR(20),
    ADD COLUMN time_to_acknowledge  VARCHAR(20),
    ADD COLUMN validate_due_at      DATETIME(6),
    ADD COLUMN forward_due_at       DATETIME(6),
    ADD COLUMN acknowledge_due_at   DATETIME(6),
    ADD COLUMN validation_pending   BOOLEAN       NOT NULL DEFAULT FALSE,
    ADD COLUMN validation_decision  VARCHAR(20),
    ADD COLUMN validation_comment   VARCHAR(2000),
    ADD COLUMN validated_by         VARCHAR(60),
    ADD COLUMN validated_at         DATETIME(6),
    ADD KEY ix_report_validation (platform, validation_pending, created_at);

UPDATE report SET urgency = CASE WHEN urgent THEN 'HIGH' ELSE 'NORMAL' END WHERE category IS NOT NULL;
-- The taxonomy's code for online scams (the former SCAM).
UPDATE report SET category = 'ONLINE_SCAM' WHERE category = 'SCAM';
