-- The prisons service's records. Persons are known only by their Interlock reference.
CREATE TABLE custody_episode (
    id                uuid PRIMARY KEY,
    person            text NOT NULL,
    prison_number     text NOT NULL,
    establishment     text NOT NULL,
    status            text NOT NULL CHECK (status IN ('IN_CUSTODY', 'RELEASED')),
    security_category text NOT NULL,
    received_on       date NOT NULL,
    release_date      date,
    released_on       date,
    version           integer NOT NULL DEFAULT 0
);
CREATE INDEX custody_episode_person ON custody_episode (person);
-- At most one open episode per person, whatever races the application loses.
CREATE UNIQUE INDEX custody_episode_one_open ON custody_episode (person) WHERE status = 'IN_CUSTODY';

CREATE TABLE incident (
    id            uuid PRIMARY KEY,
    person        text NOT NULL,
    kind          text NOT NULL,
    occurred_on   date NOT NULL,
    establishment text NOT NULL,
    summary       text NOT NULL
);
CREATE INDEX incident_person ON incident (person);

CREATE TABLE risk_assessment (
    id          uuid PRIMARY KEY,
    person      text NOT NULL,
    assessed_on date NOT NULL,
    assessor    text NOT NULL,
    engagement  text NOT NULL,
    intent      text NOT NULL,
    capability  text NOT NULL,
    overall     text NOT NULL,
    rationale   text NOT NULL
);
CREATE INDEX risk_assessment_person ON risk_assessment (person);
