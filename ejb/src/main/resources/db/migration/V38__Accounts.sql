-- Account management by administrators: a password reset forces a change at the next sign-in, and the
-- account keeps when it was created, last changed its password and was disabled.
ALTER TABLE app_user
    ADD COLUMN must_change_password BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN password_changed_at  DATETIME(6) NULL,
    ADD COLUMN created_at           DATETIME(6) NULL,
    ADD COLUMN disabled_at          DATETIME(6) NULL;
