-- An envelope its peer refuses for what it is (malformed, oversized), and keeps refusing, would hold back the
-- peer's whole queue for ever, revocations included, since nothing overtakes the head. It is given up instead:
-- abandoned_at is set, in the transaction of an audit record saying so, and the next envelope goes. A row is then
-- as final as a delivered one.
ALTER TABLE federation.outbox ADD COLUMN abandoned_at timestamptz,
    ADD CONSTRAINT outbox_delivered_or_abandoned CHECK (delivered_at IS NULL OR abandoned_at IS NULL);

CREATE OR REPLACE FUNCTION federation.outbox_delivered_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.delivered_at IS NOT NULL OR OLD.abandoned_at IS NOT NULL
            OR (NEW.peer, NEW.seq, NEW.payload, NEW.queued_at) IS DISTINCT FROM (OLD.peer, OLD.seq, OLD.payload, OLD.queued_at) THEN
        RAISE EXCEPTION 'an outbox row changes only its delivery state, until delivered or abandoned: % refused', TG_OP;
    END IF;
    RETURN NEW;
END
$$;

DROP INDEX federation.outbox_undelivered;
CREATE INDEX outbox_pending ON federation.outbox (peer, seq) WHERE delivered_at IS NULL AND abandoned_at IS NULL;

GRANT UPDATE (abandoned_at) ON federation.outbox TO ${runtime_role};
