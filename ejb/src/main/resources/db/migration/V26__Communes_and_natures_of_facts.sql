-- The official list of communes is held in memory from reference/communes.tsv.gz (see
-- fr.relais.directory.control.CommuneIndex): a report stores the INSEE code of its place.
-- Reports qualified before this version keep a null code.
ALTER TABLE report ADD COLUMN commune_insee VARCHAR(5) NULL AFTER commune;

-- Natures of facts: SCAM became ONLINE_SCAM in the taxonomy (the other former codes are unchanged).
UPDATE report SET category = 'ONLINE_SCAM' WHERE category = 'SCAM';
