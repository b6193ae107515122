-- Break-glass reviews (ADR 0009). Every break-glass access opens a review in the transaction that
-- appends its audit record; an auditor closes it with a verdict, which is itself an audit record
-- appended in the same transaction as the verdict row. Like the log, these tables only grow: the
-- runtime role may read and insert, and may only mark an overdue alert as sent, once.

-- One review per break-glass record, named by that record's sequence. The other columns copy the
-- record's fields so that auditors can list and filter; the record itself is the evidence.
CREATE TABLE audit.break_glass_reviews (
    disclosure    bigint PRIMARY KEY REFERENCES audit.records (sequence),
    opened_at     timestamptz NOT NULL,
    actor_subject text,
    actor_agency  text,
    actor_org     text,
    person        text,
    reason        text NOT NULL
);
CREATE INDEX break_glass_reviews_by_opening ON audit.break_glass_reviews (opened_at, disclosure);

-- The verdict that closes a review; at most one (the primary key), and `record` is the
-- REVIEW_BREAK_GLASS audit record that carries it into the log.
CREATE TABLE audit.break_glass_verdicts (
    disclosure bigint PRIMARY KEY REFERENCES audit.break_glass_reviews (disclosure),
    verdict    text NOT NULL CHECK (verdict IN ('justified', 'unjustified')),
    note       text NOT NULL CHECK (char_length(note) BETWEEN 1 AND 2000),
    decided_by text NOT NULL,
    decided_at timestamptz NOT NULL,
    record     bigint NOT NULL UNIQUE REFERENCES audit.records (sequence)
);

-- The outbox of overdue alerts to the accessing user's agency: one row per review, ever (the
-- primary key), inserted when the gateway decides the review is overdue; sent_at is set once the
-- broker has acknowledged the event. A row still unsent after a crash is sent again, with the same id.
CREATE TABLE audit.break_glass_alerts (
    disclosure bigint PRIMARY KEY REFERENCES audit.break_glass_reviews (disclosure),
    event_id   uuid NOT NULL UNIQUE,
    agency     text NOT NULL,
    org        text,
    raised_at  timestamptz NOT NULL,
    sent_at    timestamptz
);
CREATE INDEX break_glass_alerts_unsent ON audit.break_glass_alerts (disclosure) WHERE sent_at IS NULL;

CREATE TRIGGER break_glass_reviews_append_only BEFORE UPDATE OR DELETE ON audit.break_glass_reviews
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER break_glass_reviews_no_truncate BEFORE TRUNCATE ON audit.break_glass_reviews
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER break_glass_verdicts_append_only BEFORE UPDATE OR DELETE ON audit.break_glass_verdicts
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER break_glass_verdicts_no_truncate BEFORE TRUNCATE ON audit.break_glass_verdicts
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();

-- An alert is marked sent once and otherwise never changes.
CREATE FUNCTION audit.alert_sent_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.sent_at IS NOT NULL OR NEW.sent_at IS NULL
            OR (NEW.disclosure, NEW.event_id, NEW.agency, NEW.org, NEW.raised_at)
               IS DISTINCT FROM (OLD.disclosure, OLD.event_id, OLD.agency, OLD.org, OLD.raised_at) THEN
        RAISE EXCEPTION 'a break-glass alert is only ever marked sent, once: % refused', TG_OP;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER break_glass_alerts_sent_once BEFORE UPDATE ON audit.break_glass_alerts
    FOR EACH ROW EXECUTE FUNCTION audit.alert_sent_once();
CREATE TRIGGER break_glass_alerts_append_only BEFORE DELETE ON audit.break_glass_alerts
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER break_glass_alerts_no_truncate BEFORE TRUNCATE ON audit.break_glass_alerts
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();

REVOKE ALL ON audit.break_glass_reviews, audit.break_glass_verdicts, audit.break_glass_alerts FROM PUBLIC;
GRANT SELECT, INSERT ON audit.break_glass_reviews, audit.break_glass_verdicts, audit.break_glass_alerts
    TO ${runtime_role};
GRANT UPDATE (sent_at) ON audit.break_glass_alerts TO ${runtime_role};
