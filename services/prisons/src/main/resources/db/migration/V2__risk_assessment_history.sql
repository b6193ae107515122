-- Assessments over time (issue 16): each assessment of a person is a version of the last, with the
-- one before it, and may answer a review trigger the inbox received (its notice id).
ALTER TABLE risk_assessment
    ADD COLUMN version  integer,
    ADD COLUMN previous uuid REFERENCES risk_assessment (id),
    ADD COLUMN prompt   uuid;
UPDATE risk_assessment r SET version = n.version
FROM (SELECT id, row_number() OVER (PARTITION BY person ORDER BY assessed_on, id) AS version FROM risk_assessment) n
WHERE r.id = n.id;
UPDATE risk_assessment r SET previous = p.id
FROM risk_assessment p WHERE p.person = r.person AND p.version = r.version - 1;
ALTER TABLE risk_assessment ALTER COLUMN version SET NOT NULL;
-- Two assessments recorded at once cannot both be the next version.
ALTER TABLE risk_assessment ADD CONSTRAINT risk_assessment_version UNIQUE (person, version);
