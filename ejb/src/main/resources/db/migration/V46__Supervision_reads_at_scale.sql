-- The supervision's handoff figures read a period of forwarding (GET /api/v1/supervision/handoffs, 30 days by
-- default): without an index on the time of forwarding they read every handoff ever made (measured by
-- bench/history.sh on five million reports).
ALTER TABLE handoff
    ADD KEY ix_handoff_forwarded (forwarded_at);
