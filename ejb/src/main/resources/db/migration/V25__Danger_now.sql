-- Danger now (issue 7): a chat whose citizen chose a danger-now topic is served first; an operator
-- holding a conversation raises an immediate request to the competent unit's 24-hour desk, which
-- acknowledges it (a DangerNow process per request, escalated to the supervisors when late).
ALTER TABLE chat ADD COLUMN danger_now BOOLEAN NOT NULL DEFAULT FALSE AFTER topic;
ALTER TABLE chat ADD KEY ix_chat_queue_danger (platform, status, danger_now, created_at);

-- Units with a desk staffed around the clock receive danger-now requests.
ALTER TABLE unit ADD COLUMN desk_24h BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE danger_request (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    chat_id             BIGINT        NOT NULL,
    platform            VARCHAR(20)   NOT NULL,
    unit_code           VARCHAR(40)   NOT NULL,
    postal_code         VARCHAR(5)    NOT NULL,
    commune             VARCHAR(100),
    summary             VARCHAR(1000) NOT NULL,
    raised_by           VARCHAR(60)   NOT NULL,
    raised_at           DATETIME(6)   NOT NULL,
    acknowledged_by     VARCHAR(60),
    acknowledged_at     DATETIME(6),
    escalated_at        DATETIME(6),
    process_instance_id VARCHAR(64),
    version             BIGINT        NOT NULL DEFAULT 0,
    KEY ix_danger_request_chat (chat_id, raised_at),
    KEY ix_danger_request_unit (unit_code, acknowledged_at, raised_at),
    CONSTRAINT fk_danger_request_chat FOREIGN KEY (chat_id) REFERENCES chat (id),
    CONSTRAINT fk_danger_request_unit FOREIGN KEY (unit_code) REFERENCES unit (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
