-- Envelopes received from federation peers (ADR 0021). One row per accepted envelope, written in the
-- transaction that appends its RECEIVE_ENVELOPE audit record (`receipt`), under the audit log's lock: every
-- gateway replica sees the same ids and sequence numbers, so a replay is refused by whichever replica it reaches.
-- The compact JWS is kept as received: the peer's signature is the evidence, and the payload is what the
-- onward-sharing slice will read.
CREATE SCHEMA federation;

CREATE TABLE federation.received_envelopes (
    peer           text NOT NULL CHECK (peer ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    seq            bigint NOT NULL CHECK (seq >= 0),
    envelope_id    text NOT NULL,
    key_id         text NOT NULL CHECK (key_id ~ '^[0-9a-f]{64}$'),
    issued_at      timestamptz NOT NULL,
    received_at    timestamptz NOT NULL,
    payload_sha256 bytea NOT NULL CHECK (octet_length(payload_sha256) = 32),
    compact        text NOT NULL,
    receipt        bigint NOT NULL UNIQUE REFERENCES audit.records (sequence),
    -- A peer's sending (its audit sequence) is received once; an envelope id is never admitted twice.
    PRIMARY KEY (peer, seq),
    UNIQUE (peer, envelope_id)
);

-- What was received is evidence: the runtime role may read and add, never change or remove (the originator's
-- revocation, when it is built, erases through its own narrow grant).
CREATE TRIGGER received_envelopes_append_only BEFORE UPDATE OR DELETE ON federation.received_envelopes
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER received_envelopes_no_truncate BEFORE TRUNCATE ON federation.received_envelopes
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();

REVOKE ALL ON SCHEMA federation FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA federation FROM PUBLIC;
GRANT USAGE ON SCHEMA federation TO ${runtime_role};
GRANT SELECT, INSERT ON federation.received_envelopes TO ${runtime_role};
