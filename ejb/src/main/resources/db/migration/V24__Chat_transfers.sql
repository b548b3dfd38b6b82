-- Transfers and abandonment (issue 7): a chat may go back to a queue (its own platform's or the other
-- one's) and be held by several people in turn; the timestamps of each step are kept for the
-- service-level figures; transfer lines in the transcript carry a note only staff read.
ALTER TABLE chat
    ADD COLUMN queued_at  DATETIME(6) NULL AFTER created_at,
    ADD COLUMN held_since DATETIME(6) NULL AFTER taken_at;
UPDATE chat SET queued_at = created_at;
ALTER TABLE chat MODIFY queued_at DATETIME(6) NOT NULL;

ALTER TABLE chat_message ADD COLUMN staff_note VARCHAR(1200) NULL;

CREATE TABLE chat_event (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    chat_id     BIGINT        NOT NULL,
    kind        VARCHAR(30)   NOT NULL,
    occurred_at DATETIME(6)   NOT NULL,
    actor       VARCHAR(60),
    platform    VARCHAR(20)   NOT NULL,
    target      VARCHAR(60),
    note        VARCHAR(1000),
    KEY ix_chat_event_chat (chat_id, occurred_at),
    KEY ix_chat_event_kind (kind, occurred_at),
    CONSTRAINT fk_chat_event_chat FOREIGN KEY (chat_id) REFERENCES chat (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
