-- The public portal's orientation trees published by administrators (the file shipped with the
-- application is used while there is none): the newest valid one is served.
CREATE TABLE orientation_version (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    version       VARCHAR(40)  NOT NULL,
    content       MEDIUMTEXT   NOT NULL,
    leaves        INT          NOT NULL,
    published_by  VARCHAR(60)  NOT NULL,
    published_at  DATETIME(6)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
