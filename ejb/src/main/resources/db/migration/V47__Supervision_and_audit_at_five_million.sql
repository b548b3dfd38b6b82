-- Supervision and audit reads at five million reports (bench/history.sh, README "Supervision and audit on a
-- long history").

-- The chats' figures (GET /api/v1/supervision/chats, the platform screen): MariaDB counts the take-in-charge
-- delays of a period per second from this index alone (an index-only range scan, no row read) and returns a
-- histogram of a few hundred rows; the exact nearest-rank percentiles are taken from it (Supervision.chats).
ALTER TABLE chat_fact
    DROP KEY ix_chat_fact_opened,
    ADD KEY ix_chat_fact_opened_delay (platform, opened_at, take_delay_ms);

-- The handoffs' figures (GET /api/v1/supervision/handoffs) read a period of handoffs for every unit or for a
-- department's units: what they read of the handoff is in these indexes (no handoff row read).
ALTER TABLE handoff
    DROP KEY ix_handoff_forwarded,
    DROP KEY ix_handoff_unit_forwarded,
    ADD KEY ix_handoff_forwarded (forwarded_at, unit_code, decision, acknowledged_at, report_id),
    ADD KEY ix_handoff_unit_forwarded (unit_code, forwarded_at, decision, acknowledged_at, report_id);

-- The auditors' search by unit (Audits): the report's creation time copied on the first handoff of a report to
-- a unit (null on a later handoff of the same report to the same unit), so that the search reads the unit's
-- reports newest first from one index and stops at the page, instead of sorting every report the unit ever had.
ALTER TABLE handoff
    ADD COLUMN search_created_at DATETIME(6) NULL,
    ADD KEY ix_handoff_unit_search (unit_code, search_created_at, report_id);

UPDATE handoff h
    JOIN (SELECT MIN(id) AS id FROM handoff GROUP BY report_id, unit_code) f ON f.id = h.id
    JOIN report r ON r.id = h.report_id
SET h.search_created_at = r.created_at;

-- The lifecycle view (GET /api/v1/supervision/lifecycle): each open stage's reports in the list's order (with a
-- target first, the nearest first) and its breaches counted, from this index alone.
ALTER TABLE report_fact
    ADD KEY ix_report_fact_stage_due (platform, stage, stage_due_at, stage_since, report_id);
