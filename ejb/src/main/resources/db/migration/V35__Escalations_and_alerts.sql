-- Escalations and alerts (issues 9 and 11): a missed acknowledgement target escalates to the
-- platform's supervisors, then to the unit's departmental level; every recorded breach raises an
-- alert the platform's supervisors acknowledge. A breach may now concern a report without a chat.
ALTER TABLE sla_breach
    MODIFY COLUMN chat_id BIGINT NULL,
    ADD COLUMN report_id BIGINT NULL,
    ADD KEY ix_sla_breach_report (report_id);

ALTER TABLE handoff
    ADD COLUMN escalated_at               DATETIME(6) NULL,
    ADD COLUMN escalated_to_department_at DATETIME(6) NULL,
    ADD COLUMN department_unit            VARCHAR(40) NULL,
    ADD KEY ix_handoff_department (department_unit, escalated_to_department_at);

CREATE TABLE alert (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind            VARCHAR(30)  NOT NULL,
    platform        VARCHAR(20)  NOT NULL,
    report_id       BIGINT       NULL,
    chat_id         BIGINT       NULL,
    unit_code       VARCHAR(40)  NULL,
    raised_at       DATETIME(6)  NOT NULL,
    detail          VARCHAR(300) NULL,
    acknowledged_by VARCHAR(60)  NULL,
    acknowledged_at DATETIME(6)  NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    KEY ix_alert_open (platform, acknowledged_at, raised_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
