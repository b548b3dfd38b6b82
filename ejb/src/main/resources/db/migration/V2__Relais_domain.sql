-- Domain tables of Relais. Times are UTC (the server runs with user.timezone=UTC).
CREATE TABLE unit (
    code        VARCHAR(40)  NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    kind        VARCHAR(30)  NOT NULL,
    commune     VARCHAR(100) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE unit_postal_code (
    unit_code   VARCHAR(40) NOT NULL,
    postal_code VARCHAR(5)  NOT NULL,
    PRIMARY KEY (unit_code, postal_code),
    KEY ix_unit_postal_code (postal_code),
    CONSTRAINT fk_unit_postal_code_unit FOREIGN KEY (unit_code) REFERENCES unit (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE app_user (
    username      VARCHAR(60)  NOT NULL PRIMARY KEY,
    password_hash VARCHAR(300) NOT NULL,
    display_name  VARCHAR(120) NOT NULL,
    platform      VARCHAR(20),
    unit_code     VARCHAR(40),
    CONSTRAINT fk_app_user_unit FOREIGN KEY (unit_code) REFERENCES unit (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE app_user_role (
    username VARCHAR(60) NOT NULL,
    role     VARCHAR(30) NOT NULL,
    PRIMARY KEY (username, role),
    CONSTRAINT fk_app_user_role_user FOREIGN KEY (username) REFERENCES app_user (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE chat (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    platform            VARCHAR(20)  NOT NULL,
    door                VARCHAR(20)  NOT NULL,
    topic               VARCHAR(60),
    status              VARCHAR(20)  NOT NULL,
    outcome             VARCHAR(30),
    operator            VARCHAR(60),
    citizen_token_hash  CHAR(64)     NOT NULL,
    process_instance_id VARCHAR(64),
    created_at          DATETIME(6)  NOT NULL,
    taken_at            DATETIME(6),
    closed_at           DATETIME(6),
    version             BIGINT       NOT NULL DEFAULT 0,
    KEY ix_chat_queue (platform, status, created_at),
    KEY ix_chat_operator (operator, status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE chat_message (
    id      BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    chat_id BIGINT      NOT NULL,
    author  VARCHAR(20) NOT NULL,
    text    TEXT        NOT NULL,
    sent_at DATETIME(6) NOT NULL,
    KEY ix_chat_message_chat (chat_id, sent_at),
    CONSTRAINT fk_chat_message_chat FOREIGN KEY (chat_id) REFERENCES chat (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE report (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    chat_id             BIGINT       NOT NULL UNIQUE,
    platform            VARCHAR(20)  NOT NULL,
    operator            VARCHAR(60)  NOT NULL,
    process_instance_id VARCHAR(64)  NOT NULL,
    status              VARCHAR(20)  NOT NULL,
    category            VARCHAR(40),
    postal_code         VARCHAR(5),
    commune             VARCHAR(100),
    facts_at            DATETIME(6),
    urgent              BOOLEAN      NOT NULL DEFAULT FALSE,
    victim_minor        BOOLEAN      NOT NULL DEFAULT FALSE,
    anonymous           BOOLEAN      NOT NULL DEFAULT FALSE,
    narrative           MEDIUMTEXT,
    outgoing_narrative  MEDIUMTEXT,
    reporter_first_name VARCHAR(100),
    reporter_last_name  VARCHAR(100),
    reporter_phone      VARCHAR(40),
    reporter_email      VARCHAR(200),
    unit_code           VARCHAR(40),
    decline_reason      VARCHAR(1000),
    created_at          DATETIME(6)  NOT NULL,
    qualified_at        DATETIME(6),
    forwarded_at        DATETIME(6),
    taken_over_at       DATETIME(6),
    taken_over_by       VARCHAR(60),
    version             BIGINT       NOT NULL DEFAULT 0,
    KEY ix_report_unit (unit_code, status, forwarded_at),
    KEY ix_report_platform (platform, status, created_at),
    CONSTRAINT fk_report_chat FOREIGN KEY (chat_id) REFERENCES chat (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE sla_breach (
    id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    step        VARCHAR(40) NOT NULL,
    chat_id     BIGINT      NOT NULL,
    breached_at DATETIME(6) NOT NULL,
    KEY ix_sla_breach_chat (chat_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
