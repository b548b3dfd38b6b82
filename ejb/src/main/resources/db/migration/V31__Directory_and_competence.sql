-- The directory of units (issue 9): a unit's kind, department, public contact details and the
-- communes it covers by INSEE code; reference units are loaded at start from
-- reference/units.csv (fr.relais.directory.boundary.ReferenceUnits). Competence is decided from
-- the commune of the facts, no longer from postal codes, and each forwarding records which rule
-- chose the unit and why.
ALTER TABLE unit
    MODIFY commune VARCHAR(100) NULL,
    ADD COLUMN department    VARCHAR(3)   NULL AFTER kind,
    ADD COLUMN address       VARCHAR(300) NULL,
    ADD COLUMN phone         VARCHAR(40)  NULL,
    ADD COLUMN opening_hours VARCHAR(300) NULL,
    ADD COLUMN source        VARCHAR(500) NULL,
    ADD KEY ix_unit_department_kind (department, kind);

CREATE TABLE unit_commune (
    unit_code VARCHAR(40) NOT NULL,
    insee     VARCHAR(5)  NOT NULL,
    PRIMARY KEY (unit_code, insee),
    KEY ix_unit_commune_insee (insee),
    CONSTRAINT fk_unit_commune_unit FOREIGN KEY (unit_code) REFERENCES unit (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The demo units (DemoData) were the only ones: they are all in the Yvelines and Gironde. Their
-- communes are added by DemoData at the next start (it adds what is missing).
UPDATE unit SET department = '78' WHERE code IN ('CSP-GUYANCOURT', 'CSP-VERSAILLES', 'BTA-CHEVREUSE');
UPDATE unit SET department = '33' WHERE code = 'CSP-BORDEAUX';
DROP TABLE unit_postal_code;

ALTER TABLE handoff
    ADD COLUMN competence_rule   VARCHAR(40)  NULL,
    ADD COLUMN competence_reason VARCHAR(500) NULL;
