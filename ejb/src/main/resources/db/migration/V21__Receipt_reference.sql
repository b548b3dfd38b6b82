-- The receipt reference a citizen quotes to follow a report (issue 7): random, unique, set when the
-- report is made. Reports made before this version have none.
ALTER TABLE report
    ADD COLUMN reference VARCHAR(12) NULL AFTER process_instance_id,
    ADD UNIQUE KEY ux_report_reference (reference);
