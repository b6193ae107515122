-- What works, not who (issue 18, ADR 0021): aggregate outcomes of interventions.
--
-- The tally: one row per ended intervention, as the exchange saw its arranging agency's outcome-recorded event.
-- Keyed by the agency and the intervention's id there, so an event routed again (or a corrected outcome) updates
-- the row and is never counted twice. It holds no person, no notes and no username: nothing in it names anyone.
CREATE TABLE federation.intervention_outcomes (
    origin            text NOT NULL CHECK (origin IN ('prisons', 'probation')),
    intervention_id   uuid NOT NULL,
    intervention_type text NOT NULL CHECK (intervention_type ~ '^[A-Za-z][A-Za-z0-9_-]{0,63}$'),
    ended_on          date NOT NULL,
    outcome           text NOT NULL CHECK (outcome ~ '^[A-Za-z][A-Za-z0-9_-]{0,63}$'),
    PRIMARY KEY (origin, intervention_id)
);
CREATE INDEX intervention_outcomes_by_end ON federation.intervention_outcomes (ended_on);

-- What each peer published for a period, as received: a newer publication for the same period replaces the older
-- (the peer's sequence only grows). Cells are {interventionType, outcome, count} or {..., suppressed: true}.
CREATE TABLE federation.peer_outcomes (
    peer             text NOT NULL CHECK (peer ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    period           text NOT NULL CHECK (period ~ '^[0-9]{4}-(Q[1-4]|0[1-9]|1[0-2])$'),
    peer_sequence    bigint NOT NULL,
    receipt_sequence bigint NOT NULL REFERENCES audit.records (sequence),
    published_at     timestamptz NOT NULL,
    cells            jsonb NOT NULL,
    PRIMARY KEY (peer, period)
);

REVOKE ALL ON federation.intervention_outcomes, federation.peer_outcomes FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE ON federation.intervention_outcomes, federation.peer_outcomes TO ${runtime_role};
