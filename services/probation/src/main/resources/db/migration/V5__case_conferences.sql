-- Case conferences chaired by probation (ADR 0019) and the actions they assign.
CREATE TABLE conference (
    id uuid PRIMARY KEY,
    person text NOT NULL,
    meets_at timestamptz NOT NULL,
    chair text NOT NULL,
    invitees text NOT NULL,
    organisations text NOT NULL,
    purpose text NOT NULL,
    convened_by text NOT NULL,
    status text NOT NULL,
    cancelled_reason text,
    minutes text,
    minutes_recorded_at timestamptz
);
CREATE INDEX conference_person ON conference (person);

CREATE TABLE conference_action (
    id uuid PRIMARY KEY,
    conference_id uuid NOT NULL REFERENCES conference (id),
    person text NOT NULL,
    owner text NOT NULL,
    assignee text,
    description text NOT NULL,
    due_on date NOT NULL,
    status text NOT NULL,
    assigned_by text NOT NULL,
    outcome text
);
CREATE INDEX conference_action_conference ON conference_action (conference_id);
CREATE INDEX conference_action_open ON conference_action (due_on) WHERE status = 'OPEN';
