-- The supervision's read model of reports: one row per report with its platform, door, category, the
-- stage it is in, since when and the stage's target, written in the transaction of each stage change
-- (the model's reportStage listener), so the lifecycle view and the trends never scan the engine's
-- history. One row per report: no lifecycle write queues on a shared row.
CREATE TABLE report_fact (
    report_id     BIGINT      NOT NULL PRIMARY KEY,
    reference     VARCHAR(12),
    platform      VARCHAR(20) NOT NULL,
    door          VARCHAR(20) NOT NULL,
    category      VARCHAR(40),
    priority      VARCHAR(2),
    stage         VARCHAR(20) NOT NULL,
    stage_since   DATETIME(6) NOT NULL,
    stage_due_at  DATETIME(6),
    created_at    DATETIME(6) NOT NULL,
    created_hour  DATETIME    NOT NULL,
    updated_at    DATETIME(6) NOT NULL,
    KEY ix_report_fact_stage (platform, stage, stage_since),
    KEY ix_report_fact_hour (created_hour, platform),
    KEY ix_report_fact_updated (updated_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Reports per hour of creation (UTC hour), platform, door and category ('' before qualification),
-- rolled up every minute from the fact rows changed since the last roll-up (TrendRollup); the hours
-- touched since then are computed live from the facts when read.
CREATE TABLE report_hour (
    hour_start  DATETIME    NOT NULL,
    platform    VARCHAR(20) NOT NULL,
    door        VARCHAR(20) NOT NULL,
    category    VARCHAR(40) NOT NULL,
    reports     INT         NOT NULL,
    PRIMARY KEY (hour_start, platform, door, category)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- How far the roll-up went: fact rows updated at or after this instant are not in report_hour yet.
CREATE TABLE trend_rollup (
    id            TINYINT     NOT NULL PRIMARY KEY,
    rolled_up_to  DATETIME(6) NOT NULL
) ENGINE=InnoDB;

-- reports made before this migration, in the stage their status says, since their last known time
INSERT INTO report_fact (report_id, reference, platform, door, category, priority, stage, stage_since, stage_due_at,
                         created_at, created_hour, updated_at)
SELECT r.id, r.reference, r.platform, COALESCE(c.door, 'FORM'), r.category, r.priority, r.status,
       COALESCE(r.closed_at, r.qualified_at, r.created_at),
       CASE r.status WHEN 'AWAITING_VALIDATION' THEN r.validate_due_at
                     WHEN 'ANONYMISING' THEN r.forward_due_at
                     WHEN 'IN_REVIEW' THEN r.forward_due_at
                     WHEN 'FORWARDING' THEN r.forward_due_at
                     WHEN 'FORWARDED' THEN r.acknowledge_due_at
                     ELSE NULL END,
       r.created_at, DATE_FORMAT(r.created_at, '%Y-%m-%d %H:00:00'), UTC_TIMESTAMP(6)
FROM report r LEFT JOIN chat c ON c.id = r.chat_id;

INSERT INTO report_hour (hour_start, platform, door, category, reports)
SELECT created_hour, platform, door, COALESCE(category, ''), COUNT(*)
FROM report_fact GROUP BY created_hour, platform, door, COALESCE(category, '');

INSERT INTO trend_rollup (id, rolled_up_to) VALUES (1, UTC_TIMESTAMP(6));
