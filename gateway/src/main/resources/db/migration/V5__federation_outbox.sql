-- The outbox of envelopes for federation peers (ADR 0021). A row is inserted in the transaction that appends
-- its SEND_ENVELOPE audit record, whose sequence is the envelope's `seq`; the payload is kept as signed, and
-- every attempt signs it afresh (new envelope id and time of issue, same seq). Each peer's rows go out one at a
-- time in seq order; a row is marked delivered once the peer answered accepted or already-received.
CREATE TABLE federation.outbox (
    peer            text NOT NULL CHECK (peer ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    seq             bigint NOT NULL UNIQUE REFERENCES audit.records (sequence),
    payload         text NOT NULL,
    queued_at       timestamptz NOT NULL,
    attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL,
    last_outcome    text,
    delivered_at    timestamptz,
    receipt         bigint,
    PRIMARY KEY (peer, seq)
);
CREATE INDEX outbox_undelivered ON federation.outbox (peer, seq) WHERE delivered_at IS NULL;

-- Rows are never removed, and once delivered never change.
CREATE FUNCTION federation.outbox_delivered_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.delivered_at IS NOT NULL
            OR (NEW.peer, NEW.seq, NEW.payload, NEW.queued_at) IS DISTINCT FROM (OLD.peer, OLD.seq, OLD.payload, OLD.queued_at) THEN
        RAISE EXCEPTION 'an outbox row changes only its delivery state, until delivered: % refused', TG_OP;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER outbox_delivered_once BEFORE UPDATE ON federation.outbox
    FOR EACH ROW EXECUTE FUNCTION federation.outbox_delivered_once();
CREATE TRIGGER outbox_append_only BEFORE DELETE ON federation.outbox
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();

REVOKE ALL ON federation.outbox FROM PUBLIC;
GRANT SELECT, INSERT ON federation.outbox TO ${runtime_role};
GRANT UPDATE (attempts, next_attempt_at, last_outcome, delivered_at, receipt) ON federation.outbox TO ${runtime_role};
