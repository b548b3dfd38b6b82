-- The supervision's handoff figures read a period of forwarding (GET /api/v1/supervision/handoffs, 30 days by
-- default), for every unit or for a department's units. Measured by bench/history.sh on a million reports:
-- without an index on the time of forwarding the query read every report (EXPLAIN: report, type ALL), more
-- than 35 s a call; for a department it read every handoff its units ever had.
ALTER TABLE handoff
    ADD KEY ix_handoff_forwarded (forwarded_at),
    ADD KEY ix_handoff_unit_forwarded (unit_code, forwarded_at);
