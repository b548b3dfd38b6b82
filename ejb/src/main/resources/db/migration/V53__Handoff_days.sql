-- The handoffs' figures over long periods (GET /api/v1/supervision/handoffs, the handoffs screen) from daily
-- aggregates: at five million reports a 30-day period holds about 170,000 handoffs, and reading them all took more
-- than the 200 ms a call may take (README "Supervision and audit on a long history").
--
-- A handoff is settled once the unit decided (ACCEPTED or DECLINED): none of what the figures read of it (unit,
-- platform, forwarded_at, decision, acknowledged_at, acknowledge_due_at) changes afterwards. HandoffRollup adds the
-- settled handoffs of past days (UTC) to handoff_day and marks them rolled_up = 1; the figures read the aggregates
-- for the whole days of a period, and from the rows: the handoffs not rolled up (undecided, or decided since the
-- last roll-up) and those of the period's partial first and last days. 2 marks the batch being rolled up.
ALTER TABLE handoff
    ADD COLUMN rolled_up TINYINT NOT NULL DEFAULT 0,
    ADD KEY ix_handoff_unrolled (rolled_up, forwarded_at, unit_code, platform, decision, acknowledged_at,
                                 acknowledge_due_at);

-- One row per UTC day of forwarding, unit and platform ('' for a handoff written before V52 had a platform):
-- the settled handoffs' counts and their acknowledgement delays (milliseconds, comma-separated, unordered).
CREATE TABLE handoff_day (
    day           DATE        NOT NULL,
    unit_code     VARCHAR(40) NOT NULL,
    platform      VARCHAR(20) NOT NULL,
    sent          INT         NOT NULL,
    acknowledged  INT         NOT NULL,
    taken_over    INT         NOT NULL,
    declined      INT         NOT NULL,
    breaches      INT         NOT NULL,
    delays        MEDIUMTEXT  NOT NULL,
    PRIMARY KEY (day, unit_code, platform)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Locked by each roll-up, so that several instances take turns.
CREATE TABLE handoff_rollup (
    id         TINYINT     NOT NULL PRIMARY KEY,
    rolled_at  DATETIME(6) NULL
) ENGINE=InnoDB;
INSERT INTO handoff_rollup (id) VALUES (1);

-- The settled handoffs of the days before today, as HandoffRollup rolls them up.
SET SESSION group_concat_max_len = 67108864;
UPDATE handoff SET rolled_up = 2 WHERE rolled_up = 0 AND decision IS NOT NULL AND forwarded_at < UTC_DATE();
INSERT INTO handoff_day (day, unit_code, platform, sent, acknowledged, taken_over, declined, breaches, delays)
SELECT DATE(forwarded_at), unit_code, COALESCE(platform, ''), COUNT(*), COUNT(acknowledged_at),
       SUM(CASE WHEN decision = 'ACCEPTED' THEN 1 ELSE 0 END),
       SUM(CASE WHEN decision = 'DECLINED' THEN 1 ELSE 0 END),
       SUM(CASE WHEN acknowledge_due_at IS NOT NULL AND acknowledged_at > acknowledge_due_at THEN 1 ELSE 0 END),
       COALESCE(GROUP_CONCAT(TIMESTAMPDIFF(MICROSECOND, forwarded_at, acknowledged_at) DIV 1000), '')
FROM handoff WHERE rolled_up = 2
GROUP BY DATE(forwarded_at), unit_code, COALESCE(platform, '');
UPDATE handoff SET rolled_up = 1 WHERE rolled_up = 2;
