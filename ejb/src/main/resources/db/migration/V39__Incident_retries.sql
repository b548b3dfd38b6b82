-- Every retry of an engine incident by an administrator: what had failed, where, for which report, and
-- who retried it, when and why.
CREATE TABLE incident_retry (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    incident_id         VARCHAR(64)  NOT NULL,
    process_key         VARCHAR(255),
    process_instance_id VARCHAR(64),
    activity_id         VARCHAR(255),
    report_id           BIGINT,
    chat_id             BIGINT,
    failure             VARCHAR(1000),
    note                VARCHAR(1000),
    retried_by          VARCHAR(60)  NOT NULL,
    retried_at          DATETIME(6)  NOT NULL,
    KEY ix_incident_retry_at (retried_at),
    KEY ix_incident_retry_report (report_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
