-- The handoffs' figures (GET /api/v1/supervision/handoffs, the handoffs screen) without the report: the report's
-- platform (it never changes) and its acknowledgement target are copied onto the handoff, so that the figures of a
-- period read one index of the handoff table alone (README "Supervision and audit on a long history").
--   platform            written with the handoff (Forwarding)
--   acknowledge_due_at  the target started as the report entered the unit's inbox with this handoff
--                       (Report.startAcknowledgementClock, copied by Qualifications.recordStage); null until then
--                       and when the report has no target
ALTER TABLE handoff
    ADD COLUMN platform VARCHAR(20) NULL,
    ADD COLUMN acknowledge_due_at DATETIME(6) NULL;

-- Backfill: what the figures read through the join until now, the report's platform and its current target, on
-- every handoff of the report (the figures of past periods do not change). From now on an earlier handoff of a
-- rerouted report keeps the target of its own forwarding.
UPDATE handoff h
    JOIN report r ON r.id = h.report_id
SET h.platform = r.platform,
    h.acknowledge_due_at = r.acknowledge_due_at;

-- Covering indexes of the figures: a period of every unit's handoffs, or of a department's units; the platform and
-- the target are read from the index (the report_id of V47 is no longer needed by the figures).
ALTER TABLE handoff
    DROP KEY ix_handoff_forwarded,
    DROP KEY ix_handoff_unit_forwarded,
    ADD KEY ix_handoff_forwarded (forwarded_at, unit_code, platform, decision, acknowledged_at, acknowledge_due_at),
    ADD KEY ix_handoff_unit_forwarded (unit_code, forwarded_at, platform, decision, acknowledged_at,
                                       acknowledge_due_at);
