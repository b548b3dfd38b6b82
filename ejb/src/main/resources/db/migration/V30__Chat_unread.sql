-- Unread marker (issue 7): the last message of a chat each holder has read, so that the consoles
-- show how many citizen messages arrived since. One row per chat and reader; a reader with no row
-- has read nothing of it.
CREATE TABLE chat_reading (
    chat_id              BIGINT      NOT NULL,
    username             VARCHAR(60) NOT NULL,
    last_read_message_id BIGINT      NOT NULL,
    read_at              DATETIME(6) NOT NULL,
    PRIMARY KEY (chat_id, username),
    CONSTRAINT fk_chat_reading_chat FOREIGN KEY (chat_id) REFERENCES chat (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
