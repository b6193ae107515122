-- Copies of other agencies' events that the gateway routed to a partner organisation, as its
-- staff may read them. One row per copy (copy_id is the copy's ce_id). An erasure notice deletes
-- the rows it lists, so nothing here outlives the consent it was disclosed under.
CREATE TABLE received_events (
    copy_id         text        PRIMARY KEY,
    organisation    text        NOT NULL REFERENCES organisation (id),
    person          text        NOT NULL,
    type            text        NOT NULL,
    source_event_id text        NOT NULL,
    consent         text,
    data            jsonb       NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX received_events_organisation_person ON received_events (organisation, person);
CREATE INDEX received_events_organisation_source ON received_events (organisation, source_event_id);
