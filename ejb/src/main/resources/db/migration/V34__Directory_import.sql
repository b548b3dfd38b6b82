-- Directory import by admins (issue 9): every attempt to import the directory from CSV is recorded,
-- applied or rejected: who, when, which file (name and SHA-256), the counts, and what changed per
-- unit (fields before and after, communes added and removed) or, when rejected, the bad lines, as JSON.
CREATE TABLE directory_import (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    imported_at DATETIME(6)  NOT NULL,
    imported_by VARCHAR(60)  NOT NULL,
    file_name   VARCHAR(255) NOT NULL,
    sha256      CHAR(64)     NOT NULL,
    outcome     VARCHAR(20)  NOT NULL,
    added       INT          NOT NULL,
    updated     INT          NOT NULL,
    unchanged   INT          NOT NULL,
    rejected    INT          NOT NULL,
    errors      INT          NOT NULL,
    changes     LONGTEXT     NOT NULL,
    problems    LONGTEXT     NOT NULL,
    KEY ix_directory_import_at (imported_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
