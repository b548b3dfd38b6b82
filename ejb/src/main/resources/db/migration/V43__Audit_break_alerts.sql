-- Audit (issue 12): a broken audit chain raises one alert per break. An alert of no platform (a broken
-- chain of no report or chat: an auditor's, the admin chain, the anchors) is for administrators only.
ALTER TABLE alert MODIFY platform VARCHAR(20) NULL;

-- The breaks already alerted: chain and first broken seq; the key makes concurrent instances raise one.
CREATE TABLE audit_break_alert (
    break_key  VARCHAR(200) NOT NULL PRIMARY KEY,
    chain_key  VARCHAR(150) NOT NULL,
    seq        BIGINT       NULL,
    event_id   BIGINT       NULL,
    reason     VARCHAR(20)  NOT NULL,
    raised_at  DATETIME(6)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
