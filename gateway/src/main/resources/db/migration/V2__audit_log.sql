-- The audit trail (ADR 0006). Run by the owner role; the gateway runs as ${runtime_role}, which may
-- read and append but never change or remove what was recorded.
CREATE SCHEMA audit;

-- The next leaf index. Every append locks this one row (SELECT ... FOR UPDATE) for the length of its
-- transaction: however many gateway replicas append, they take turns, so the log has one sequence.
CREATE TABLE audit.log_state (
    id            boolean PRIMARY KEY DEFAULT true CHECK (id),
    next_sequence bigint NOT NULL CHECK (next_sequence >= 0)
);
INSERT INTO audit.log_state (id, next_sequence) VALUES (true, 0);

-- One row per leaf. `leaf` is the record's canonical encoding, byte for byte the Merkle leaf; the
-- other columns copy some of its fields so that auditors can filter. Answers are rendered from `leaf`.
CREATE TABLE audit.records (
    sequence      bigint PRIMARY KEY CHECK (sequence >= 0),
    recorded_at   timestamptz NOT NULL,
    actor_subject text,
    actor_agency  text,
    actor_org     text,
    action        text NOT NULL,
    outcome       text NOT NULL,
    person        text,
    consent       text,
    break_glass   boolean NOT NULL,
    leaf          bytea NOT NULL,
    leaf_hash     bytea NOT NULL CHECK (octet_length(leaf_hash) = 32)
);
CREATE INDEX records_by_person ON audit.records (person, sequence) WHERE person IS NOT NULL;
CREATE INDEX records_by_actor ON audit.records (actor_subject, sequence);
CREATE INDEX records_by_time ON audit.records (recorded_at, sequence);
-- What was disclosed under a consent: the erasure notices when it is withdrawn.
CREATE INDEX records_by_consent ON audit.records (consent, sequence) WHERE consent IS NOT NULL;

-- Signed tree heads, as published (head_json), with the frontier the next seal resumes from.
CREATE TABLE audit.tree_heads (
    tree_size bigint PRIMARY KEY CHECK (tree_size >= 0),
    root_hash bytea NOT NULL CHECK (octet_length(root_hash) = 32),
    signed_at timestamptz NOT NULL,
    key_id    text NOT NULL,
    head_json bytea NOT NULL,
    frontier  bytea NOT NULL CHECK (octet_length(frontier) % 32 = 0)
);

-- Nothing recorded is ever changed or removed through SQL, whoever asks; a superuser who disables
-- these triggers is still caught by the Merkle tree.
CREATE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % on % refused', TG_OP, TG_TABLE_NAME;
END
$$;
CREATE TRIGGER records_append_only BEFORE UPDATE OR DELETE ON audit.records
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER records_no_truncate BEFORE TRUNCATE ON audit.records
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER tree_heads_append_only BEFORE UPDATE OR DELETE ON audit.tree_heads
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER tree_heads_no_truncate BEFORE TRUNCATE ON audit.tree_heads
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();

REVOKE ALL ON SCHEMA audit FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA audit FROM PUBLIC;
GRANT USAGE ON SCHEMA audit TO ${runtime_role};
GRANT SELECT, INSERT ON audit.records, audit.tree_heads TO ${runtime_role};
GRANT SELECT, UPDATE (next_sequence) ON audit.log_state TO ${runtime_role};
