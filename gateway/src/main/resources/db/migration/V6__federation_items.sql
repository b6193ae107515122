-- Releases to federation peers and what peers released to this deployment (ADR 0021).

-- An outbox row may carry an item the exchange released: its id is the same each time the source event is routed
-- to that peer, so an event routed again after a crash, before its batch committed, is not queued twice.
-- Its origin agency (and organisation, for a partner's record) and person let the originator act on it later (a permission to pass it on, a revocation).
ALTER TABLE federation.outbox ADD COLUMN item_id text UNIQUE, ADD COLUMN origin text, ADD COLUMN origin_org text,
    ADD COLUMN person text;

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
    erased_at       timestamptz,
    PRIMARY KEY (peer, item_id),
    FOREIGN KEY (peer, seq) REFERENCES federation.received_envelopes (peer, seq)
);
CREATE INDEX received_items_person ON federation.received_items (person);

-- What was received is evidence, as the envelope carrying it is: never removed, and changed in one way only,
-- the originator's revocation erasing the content (the event becomes {}, the envelope's JWS ''), once.
CREATE FUNCTION federation.erase_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Nested, not AND-ed: PL/pgSQL does not promise to stop at the table's name before reading a column the
    -- other table does not have.
    IF TG_OP = 'UPDATE' THEN
        IF TG_TABLE_NAME = 'received_items' THEN
            IF OLD.erased_at IS NULL AND NEW.erased_at IS NOT NULL AND NEW.event = '{}'::jsonb
                    AND (NEW.peer, NEW.item_id, NEW.seq, NEW.type, NEW.person, NEW.receipt)
                        = (OLD.peer, OLD.item_id, OLD.seq, OLD.type, OLD.person, OLD.receipt) THEN
                RETURN NEW;
            END IF;
        ELSIF OLD.compact <> '' AND NEW.compact = ''
                AND (NEW.peer, NEW.seq, NEW.envelope_id, NEW.payload_sha256, NEW.receipt)
                    = (OLD.peer, OLD.seq, OLD.envelope_id, OLD.payload_sha256, OLD.receipt) THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'what a peer sent is only ever erased by its revocation: % on % refused', TG_OP, TG_TABLE_NAME;
END
$$;
CREATE TRIGGER received_items_erase_only BEFORE UPDATE OR DELETE ON federation.received_items
    FOR EACH ROW EXECUTE FUNCTION federation.erase_only();
DROP TRIGGER received_envelopes_append_only ON federation.received_envelopes;
CREATE TRIGGER received_envelopes_erase_only BEFORE UPDATE OR DELETE ON federation.received_envelopes
    FOR EACH ROW EXECUTE FUNCTION federation.erase_only();

-- The originator's permissions to pass an item on to one recipient, and its revocations, from its envelopes.
CREATE TABLE federation.originator_permissions (
    peer         text NOT NULL,
    item_id      text NOT NULL,
    recipient    text NOT NULL,
    granted_at   timestamptz NOT NULL,
    until        timestamptz,
    envelope_id  text NOT NULL,
    receipt      bigint NOT NULL REFERENCES audit.records (sequence),
    PRIMARY KEY (peer, item_id, recipient, envelope_id),
    FOREIGN KEY (peer, item_id) REFERENCES federation.received_items (peer, item_id)
);
CREATE TABLE federation.revocations (
    peer         text NOT NULL,
    item_id      text NOT NULL,
    revoked_at   timestamptz NOT NULL,
    envelope_id  text NOT NULL,
    receipt      bigint NOT NULL REFERENCES audit.records (sequence),
    PRIMARY KEY (peer, item_id),
    FOREIGN KEY (peer, item_id) REFERENCES federation.received_items (peer, item_id)
);
-- A holder's passing an item on to a partner organisation the originator named: what lets the organisation hold
-- it (a statutory agency the originator named holds it on receipt). Written with its audit record.
CREATE TABLE federation.onward_releases (
    peer         text NOT NULL,
    item_id      text NOT NULL,
    recipient    text NOT NULL,
    released_by  text NOT NULL,
    record       bigint NOT NULL REFERENCES audit.records (sequence),
    PRIMARY KEY (peer, item_id, recipient, record),
    FOREIGN KEY (peer, item_id) REFERENCES federation.received_items (peer, item_id)
);
CREATE TRIGGER onward_releases_append_only BEFORE UPDATE OR DELETE ON federation.onward_releases
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER originator_permissions_append_only BEFORE UPDATE OR DELETE ON federation.originator_permissions
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER revocations_append_only BEFORE UPDATE OR DELETE ON federation.revocations
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();

REVOKE ALL ON federation.received_items, federation.originator_permissions, federation.revocations,
    federation.onward_releases FROM PUBLIC;
GRANT SELECT, INSERT ON federation.received_items, federation.originator_permissions, federation.revocations,
    federation.onward_releases TO ${runtime_role};
GRANT UPDATE (event, erased_at) ON federation.received_items TO ${runtime_role};
GRANT UPDATE (compact) ON federation.received_envelopes TO ${runtime_role};
