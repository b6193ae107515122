-- Restrictions of an agency's records about a person to named staff (prisons, probation and
-- intelligence: services built with interlock.restrictions=true serve them; the table exists everywhere).
CREATE TABLE restriction (
    id          uuid        PRIMARY KEY,
    person      text        NOT NULL,
    staff       text        NOT NULL,                -- comma-separated usernames
    reason      text        NOT NULL,
    imposed_by  text        NOT NULL,
    imposed_on  date        NOT NULL,
    lifted_on   date,
    status      text        NOT NULL CHECK (status IN ('ACTIVE', 'LIFTED')),
    version     integer     NOT NULL DEFAULT 0,
    CHECK ((status = 'LIFTED') = (lifted_on IS NOT NULL))
);
CREATE INDEX restriction_person ON restriction (person);
