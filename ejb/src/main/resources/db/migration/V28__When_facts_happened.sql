-- When the facts happened: a moment, a day whose time is unknown, a period, or explicitly unknown,
-- stored in UTC (facts_at is the moment or the start) with the time zone it was told in, that of the
-- place's department.
ALTER TABLE report
    ADD COLUMN facts_when   VARCHAR(10),
    ADD COLUMN facts_until  DATETIME(6),
    ADD COLUMN facts_zone   VARCHAR(40);

-- Reports qualified before: a moment where one was given; otherwise it was never asked (left null).
UPDATE report SET facts_when = 'EXACT' WHERE facts_at IS NOT NULL;

-- The qualification form as an operator left it (fields as typed, JSON), per report and operator,
-- so that a reload or a browser crash loses nothing; deleted when the report is qualified.
CREATE TABLE qualification_draft (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    report_id   BIGINT       NOT NULL,
    operator    VARCHAR(60)  NOT NULL,
    fields      LONGTEXT     NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    UNIQUE KEY uk_qualification_draft (report_id, operator),
    CONSTRAINT fk_qualification_draft_report FOREIGN KEY (report_id) REFERENCES report (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
