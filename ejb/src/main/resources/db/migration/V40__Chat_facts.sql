-- The supervision's read model of chats: one row per chat with the times that make the service levels,
-- written in the transaction of each change of the chat's queue (opened, taken, closed), so the figures
-- never scan the engine's history. The take-in-charge delay is the first take's, from the opening.
CREATE TABLE chat_fact (
    chat_id         BIGINT      NOT NULL PRIMARY KEY,
    platform        VARCHAR(20) NOT NULL,
    door            VARCHAR(20) NOT NULL,
    topic           VARCHAR(60),
    opened_at       DATETIME(6) NOT NULL,
    first_taken_at  DATETIME(6),
    first_taken_by  VARCHAR(60),
    take_delay_ms   BIGINT,
    closed_at       DATETIME(6),
    outcome         VARCHAR(30),
    KEY ix_chat_fact_opened (platform, opened_at),
    KEY ix_chat_fact_waiting (platform, first_taken_at, closed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- chats opened before this migration
INSERT INTO chat_fact (chat_id, platform, door, topic, opened_at, first_taken_at, first_taken_by, take_delay_ms,
                       closed_at, outcome)
SELECT id, platform, door, topic, created_at, taken_at, operator,
       CASE WHEN taken_at IS NULL THEN NULL ELSE TIMESTAMPDIFF(MICROSECOND, created_at, taken_at) DIV 1000 END,
       closed_at, outcome
FROM chat;
