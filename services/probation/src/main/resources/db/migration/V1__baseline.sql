-- The probation service's records. Persons are known only by their Interlock reference.
CREATE TABLE supervision_case (
    id             uuid PRIMARY KEY,
    person         text NOT NULL,
    case_reference text NOT NULL UNIQUE,
    basis          text NOT NULL,
    status         text NOT NULL CHECK (status IN ('OPEN', 'RECALLED', 'CLOSED')),
    opened_on      date NOT NULL,
    mappa_category integer CHECK (mappa_category BETWEEN 1 AND 4),
    mappa_level    integer CHECK (mappa_level BETWEEN 1 AND 3),
    closed_on      date,
    version        integer NOT NULL DEFAULT 0
);
CREATE INDEX supervision_case_person ON supervision_case (person);
-- One case that is not closed per person, even when two release events race.
CREATE UNIQUE INDEX supervision_case_one_active ON supervision_case (person) WHERE status <> 'CLOSED';

CREATE TABLE licence_condition (
    id        uuid PRIMARY KEY,
    case_id   uuid NOT NULL REFERENCES supervision_case (id),
    person    text NOT NULL,
    kind      text NOT NULL,
    details   text NOT NULL,
    starts_on date NOT NULL,
    ends_on   date
);
CREATE INDEX licence_condition_case ON licence_condition (case_id);

CREATE TABLE appointment (
    id      uuid PRIMARY KEY,
    case_id uuid NOT NULL REFERENCES supervision_case (id),
    person  text NOT NULL,
    due_at  timestamptz NOT NULL,
    outcome text NOT NULL
);
CREATE INDEX appointment_case ON appointment (case_id);
