-- Releases to federation peers and what peers released to this deployment (ADR 0021).

-- An outbox row may carry an item the exchange released: its id is the same each time the source event is routed
-- to that peer, so an event routed again after a crash, before its batch committed, is not queued twice.
ALTER TABLE federation.outbox ADD COLUMN item_id text UNIQUE;

-- Items a peer released to this deployment (shares and answers), from accepted envelopes: the CloudEvent as sent,
-- its subject, category and classification for deciding and auditing, and the originator's handling conditions.
-- Written in the transaction that stores the envelope and appends its receipt.
CREATE TABLE federation.received_items (
    peer            text NOT NULL,
    item_id         text NOT NULL,
    seq             bigint NOT NULL,
    type            text NOT NULL,
    person          text NOT NULL,
    category        text,
    classification  text,
    agreement       text,
    event           jsonb NOT NULL,
    onward_to       text[] NOT NULL,
    ask_first       boolean NOT NULL,
    expires_at      timestamptz,
    received_at     timestamptz NOT NULL,
    receipt         bigint NOT NULL REFERENCES audit.records (sequence),
    PRIMARY KEY (peer, item_id),
    FOREIGN KEY (peer, seq) REFERENCES federation.received_envelopes (peer, seq)
);
CREATE INDEX received_items_person ON federation.received_items (person);

-- What was received is evidence, as the envelope carrying it is.
CREATE TRIGGER received_items_append_only BEFORE UPDATE OR DELETE ON federation.received_items
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();

REVOKE ALL ON federation.received_items FROM PUBLIC;
GRANT SELECT, INSERT ON federation.received_items TO ${runtime_role};
