-- Delivery to units' own systems (issue 9): a unit may have an external endpoint (a webhook URL and
-- a shared secret, never returned by any API); each forwarding to such a unit is delivered by a
-- Delivery process (one per handoff), signed and carrying a stable idempotency key.
CREATE TABLE unit_endpoint (
    unit_code  VARCHAR(40)  NOT NULL PRIMARY KEY,
    url        VARCHAR(500) NOT NULL,
    secret     VARCHAR(200) NOT NULL,
    updated_by VARCHAR(60)  NOT NULL,
    updated_at DATETIME(6)  NOT NULL,
    version    BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT fk_unit_endpoint_unit FOREIGN KEY (unit_code) REFERENCES unit (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE delivery (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    handoff_id          BIGINT       NOT NULL,
    report_id           BIGINT       NOT NULL,
    unit_code           VARCHAR(40)  NOT NULL,
    idempotency_key     VARCHAR(64)  NOT NULL,
    state               VARCHAR(20)  NOT NULL,
    created_at          DATETIME(6)  NOT NULL,
    attempts            INT          NOT NULL DEFAULT 0,
    last_attempt_at     DATETIME(6),
    last_outcome        VARCHAR(40),
    delivered_at        DATETIME(6),
    process_instance_id VARCHAR(64),
    version             BIGINT       NOT NULL DEFAULT 0,
    UNIQUE KEY uk_delivery_handoff (handoff_id),
    UNIQUE KEY uk_delivery_key (idempotency_key),
    KEY ix_delivery_report (report_id),
    KEY ix_delivery_process (process_instance_id),
    CONSTRAINT fk_delivery_handoff FOREIGN KEY (handoff_id) REFERENCES handoff (id),
    CONSTRAINT fk_delivery_unit FOREIGN KEY (unit_code) REFERENCES unit (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
