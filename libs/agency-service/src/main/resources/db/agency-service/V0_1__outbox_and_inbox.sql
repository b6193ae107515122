-- Shared by every agency service (libs/agency-service). Service migrations start at V1.

-- Transactional outbox: written in the same transaction as the state change it describes;
-- the relay publishes rows in seq order and marks them; published rows are pruned later.
CREATE TABLE outbox (
    id             uuid        PRIMARY KEY,
    seq            bigserial   NOT NULL UNIQUE,
    topic          text,                        -- null: the agency's events topic
    record_key     text,                        -- null: the subject
    type           text        NOT NULL,
    subject        text        NOT NULL,
    category       text        NOT NULL,
    classification text        NOT NULL,
    handling       text,
    correlation_id text        NOT NULL,
    traceparent    text,
    occurred_at    timestamptz NOT NULL,
    payload        text        NOT NULL,
    published_at   timestamptz
);
CREATE INDEX outbox_unpublished ON outbox (seq) WHERE published_at IS NULL;
CREATE INDEX outbox_published ON outbox (published_at) WHERE published_at IS NOT NULL;

-- Inbox: every event received from the gateway, once. The primary key is the de-duplication:
-- it is inserted in the same transaction as the state change the event causes.
CREATE TABLE inbox_event (
    id             text        PRIMARY KEY,
    type           text        NOT NULL,
    source         text        NOT NULL,
    subject        text        NOT NULL,
    category       text,
    classification text,
    received_at    timestamptz NOT NULL DEFAULT now(),
    payload        text        NOT NULL
);
CREATE INDEX inbox_event_subject ON inbox_event (subject);

-- Allocations: which member of staff (Keycloak username) is allocated to which person.
CREATE TABLE allocation (
    id          uuid        PRIMARY KEY,
    person      text        NOT NULL,
    staff       text        NOT NULL,
    role        text        NOT NULL,
    starts_on   date        NOT NULL,
    ends_on     date,
    created_at  timestamptz NOT NULL DEFAULT now(),
    version     integer     NOT NULL DEFAULT 0,
    CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX allocation_person ON allocation (person);
CREATE INDEX allocation_staff ON allocation (staff);
