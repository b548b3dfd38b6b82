-- The unit's workspace: acknowledging receipt before taking over, the suggestion of a unit that
-- declines, the outcome the unit records after take-over, and the report's closing time (the start of
-- its retention clock).
ALTER TABLE handoff
    ADD COLUMN acknowledged_by VARCHAR(60)   NULL,
    ADD COLUMN acknowledged_at DATETIME(6)   NULL,
    ADD COLUMN suggested_unit  VARCHAR(40)   NULL,
    ADD COLUMN outcome         VARCHAR(30)   NULL,
    ADD COLUMN outcome_note    VARCHAR(1000) NULL,
    ADD COLUMN outcome_by      VARCHAR(60)   NULL,
    ADD COLUMN outcome_at      DATETIME(6)   NULL,
    ADD KEY ix_handoff_unit_taken (unit_code, decision, decided_at);

ALTER TABLE report
    ADD COLUMN closed_at DATETIME(6) NULL;
