-- The agency's compacted state topic (ADR 0012). A state row repeats its event on
-- interlock.<agency>.state under the key <category>:<id>, with the event's CloudEvent id
-- (event_id); a tombstone row has no payload and is published as a record without a value.
ALTER TABLE outbox ADD COLUMN event_id uuid;
ALTER TABLE outbox ALTER COLUMN payload DROP NOT NULL;
