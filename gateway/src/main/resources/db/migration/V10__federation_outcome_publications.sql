-- A period's outcomes go to a peer once, and never a period that overlaps one sent to it (ADR 0021). Outcomes
-- recorded late change a period's counts, and a month lies inside its quarter: two overlapping tables, each
-- suppressed, give away by subtraction what they differ by. The row is written in the transaction that queues the
-- envelope and appends its SEND_ENVELOPE record (seq), and never changes.
CREATE TABLE federation.outcome_publications (
    peer       text NOT NULL CHECK (peer ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    period     text NOT NULL CHECK (period ~ '^[0-9]{4}-(Q[1-4]|0[1-9]|1[0-2])$'),
    from_date  date NOT NULL,
    until_date date NOT NULL CHECK (until_date > from_date),
    seq        bigint NOT NULL REFERENCES audit.records (sequence),
    PRIMARY KEY (peer, period)
);
CREATE TRIGGER outcome_publications_append_only BEFORE UPDATE OR DELETE ON federation.outcome_publications
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();

REVOKE ALL ON federation.outcome_publications FROM PUBLIC;
GRANT SELECT, INSERT ON federation.outcome_publications TO ${runtime_role};
