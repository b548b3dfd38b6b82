-- Appointment booking (issue 13): the slots a unit publishes, as rules in the unit's local time
-- (Europe/Paris): a weekly opening (day_of_week 1 = Monday), a closed day, or extra slots on one day;
-- and the citizens' bookings, stored as instants.
CREATE TABLE appointment_rule (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    unit_code     VARCHAR(40)  NOT NULL,
    kind          VARCHAR(10)  NOT NULL,
    day_of_week   TINYINT      NULL,
    day           DATE         NULL,
    start_minute  SMALLINT     NULL,
    end_minute    SMALLINT     NULL,
    slot_minutes  SMALLINT     NULL,
    desks         SMALLINT     NULL,
    KEY ix_appointment_rule_unit (unit_code),
    CONSTRAINT fk_appointment_rule_unit FOREIGN KEY (unit_code) REFERENCES unit (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A booking holds its slot while held = 1; a cancelled one has held = NULL, which the unique key
-- ignores: no two held bookings of one desk of one slot, whatever the application does.
-- The contact (normalised: lower-case e-mail or E.164 phone) is personal data, erased at retention.
CREATE TABLE appointment_booking (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    unit_code     VARCHAR(40)  NOT NULL,
    starts_at     DATETIME(6)  NOT NULL,
    ends_at       DATETIME(6)  NOT NULL,
    desk          SMALLINT     NOT NULL,
    held          TINYINT      NULL,
    code_hash     CHAR(64)     NOT NULL,
    kind          VARCHAR(20)  NOT NULL,
    category      VARCHAR(30)  NOT NULL,
    contact       VARCHAR(254) NULL,
    booked_at     DATETIME(6)  NOT NULL,
    cancelled_at  DATETIME(6)  NULL,
    erased_at     DATETIME(6)  NULL,
    UNIQUE KEY ux_appointment_booking_code (code_hash),
    UNIQUE KEY ux_appointment_booking_slot (unit_code, starts_at, desk, held),
    KEY ix_appointment_booking_contact (contact, starts_at),
    KEY ix_appointment_booking_retention (erased_at, starts_at),
    CONSTRAINT fk_appointment_booking_unit FOREIGN KEY (unit_code) REFERENCES unit (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Row locks that serialise the bookings of one contact (the per-contact limit): one row per bucket
-- of a hash of the contact (16 bits), so that no contact can be read back from this table.
CREATE TABLE appointment_contact_lock (
    bucket        CHAR(4)      NOT NULL PRIMARY KEY
) ENGINE=InnoDB DEFAULT CHARSET=ascii;
