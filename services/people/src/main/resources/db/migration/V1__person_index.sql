-- The person index (ADR 0014).

-- Every person reference the index has heard of. merged_into: null while it is a person of its own,
-- else the survivor it resolves to (always a person of its own: merges keep the chains one long).
CREATE TABLE person (
    reference   text        PRIMARY KEY,
    merged_into text        REFERENCES person (reference),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX person_merged_into ON person (merged_into);

-- One identity as one agency asserted it. Never updated: a later assertion is another row.
CREATE TABLE identity_record (
    id            uuid        PRIMARY KEY,
    person        text        NOT NULL REFERENCES person (reference),
    source_agency text        NOT NULL,
    given_name    text,
    family_name   text,
    aliases       text        NOT NULL DEFAULT '[]',
    date_of_birth date,
    asserted_by   text        NOT NULL,
    asserted_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX identity_record_person ON identity_record (person);

-- The record's identifiers, canonical type:value.
CREATE TABLE record_identifier (
    identifier text NOT NULL,
    record_id  uuid NOT NULL REFERENCES identity_record (id),
    PRIMARY KEY (identifier, record_id)
);

-- The record's blocking keys (BlockingKeys): a new record is scored only against records sharing one.
CREATE TABLE blocking_key (
    key       text NOT NULL,
    record_id uuid NOT NULL REFERENCES identity_record (id),
    PRIMARY KEY (key, record_id)
);

-- One person (merged, and every reference resolving to it then: people) made survivor.
CREATE TABLE merge (
    id             uuid        PRIMARY KEY,
    survivor       text        NOT NULL REFERENCES person (reference),
    merged         text        NOT NULL REFERENCES person (reference),
    people         text[]      NOT NULL,
    reason         text        NOT NULL,
    score          double precision,
    decided_by     text        NOT NULL,
    merged_at      timestamptz NOT NULL DEFAULT now(),
    unmerged_at    timestamptz,
    unmerged_by    text,
    unmerge_reason text
);

-- What waits for an identity manager: a candidate link, or an assertion that contradicts a record
-- sharing its identifier (the assertion itself, refused, kept here as it was sent).
CREATE TABLE review_item (
    id          uuid        PRIMARY KEY,
    kind        text        NOT NULL CHECK (kind IN ('CANDIDATE', 'CONFLICT')),
    status      text        NOT NULL CHECK (status IN ('OPEN', 'CONFIRMED', 'REJECTED')),
    person      text        NOT NULL,
    candidate   text        NOT NULL,
    record_id   uuid        REFERENCES identity_record (id),
    score       double precision,
    identifier  text,
    detail      text        NOT NULL,
    assertion   text,
    raised_at   timestamptz NOT NULL DEFAULT now(),
    decided_by  text,
    decided_at  timestamptz,
    merge_id    uuid        REFERENCES merge (id)
);
CREATE INDEX review_item_open ON review_item (raised_at) WHERE status = 'OPEN';

-- Agency events already turned into assertions: redelivery changes nothing.
CREATE TABLE consumed_event (
    id          text        PRIMARY KEY,
    consumed_at timestamptz NOT NULL DEFAULT now()
);

-- Transactional outbox, as the agency services' (ADR 0003): the relay publishes in seq order.
CREATE TABLE outbox (
    id             uuid        PRIMARY KEY,
    seq            bigserial   NOT NULL UNIQUE,
    event_id       uuid        NOT NULL,
    topic          text        NOT NULL,
    record_key     text        NOT NULL,
    type           text        NOT NULL,
    subject        text        NOT NULL,
    correlation_id text        NOT NULL,
    recorded_by    text        NOT NULL,
    occurred_at    timestamptz NOT NULL,
    payload        text,
    published_at   timestamptz
);
CREATE INDEX outbox_unpublished ON outbox (seq) WHERE published_at IS NULL;
