-- Operators: their status (available, on break, off shift) with the history of its changes for
-- the dashboards, the cap of simultaneous conversations a supervisor sets, and the canned answers
-- and orientation links of each platform. An operator with no operator_state row is available
-- with the configured cap (RELAIS_OPERATOR_MAX_CHATS).
CREATE TABLE operator_state (
    username     VARCHAR(60)  NOT NULL PRIMARY KEY,
    status       VARCHAR(20)  NOT NULL,
    status_since DATETIME(6)  NOT NULL,
    max_chats    INT,
    version      BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT fk_operator_state_user FOREIGN KEY (username) REFERENCES app_user (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE operator_status_change (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username        VARCHAR(60)  NOT NULL,
    previous_status VARCHAR(20)  NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    changed_at      DATETIME(6)  NOT NULL,
    INDEX ix_operator_status_change_user (username, changed_at),
    INDEX ix_operator_status_change_at (changed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE canned_answer (
    id         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    platform   VARCHAR(20)   NOT NULL,
    kind       VARCHAR(20)   NOT NULL,
    title      VARCHAR(80)   NOT NULL,
    body       VARCHAR(1000) NOT NULL,
    url        VARCHAR(500),
    updated_at DATETIME(6)   NOT NULL,
    version    BIGINT        NOT NULL DEFAULT 0,
    INDEX ix_canned_answer_platform (platform, title)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- the waiting estimate reads the chats taken in charge in the last 30 minutes of a platform
CREATE INDEX ix_chat_platform_taken_at ON chat (platform, taken_at);
