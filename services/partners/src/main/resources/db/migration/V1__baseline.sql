-- The partners service's records: organisations, their activity, and the consent registry.
CREATE TABLE organisation (
    id      text PRIMARY KEY,
    name    text NOT NULL,
    kind    text NOT NULL,
    status  text NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED')),
    version integer NOT NULL DEFAULT 0
);

CREATE TABLE activity_report (
    id           uuid PRIMARY KEY,
    person       text NOT NULL,
    organisation text NOT NULL REFERENCES organisation (id),
    kind         text NOT NULL,
    occurred_on  date NOT NULL,
    reported_by  text NOT NULL,
    notes        text
);
CREATE INDEX activity_report_person ON activity_report (person);

CREATE TABLE consent (
    id           uuid PRIMARY KEY,
    person       text NOT NULL,
    organisation text NOT NULL REFERENCES organisation (id),
    categories   text NOT NULL,
    purposes     text NOT NULL,
    valid_from   date NOT NULL,
    valid_until  date NOT NULL CHECK (valid_until >= valid_from),
    obtained_how text NOT NULL,
    obtained_by  text NOT NULL,
    obtained_on  date NOT NULL,
    status       text NOT NULL CHECK (status IN ('ACTIVE', 'WITHDRAWN', 'EXPIRED')),
    withdrawn_on date,
    version      integer NOT NULL DEFAULT 0
);
CREATE INDEX consent_person ON consent (person);
CREATE INDEX consent_active_until ON consent (valid_until) WHERE status = 'ACTIVE';
