-- Requests for information between federation peers (ADR 0021, Directive (EU) 2023/977): the ones this side sent
-- (outgoing, asked by an officer here) and the ones it received (incoming, for the single point of contact). A row
-- is written in the transaction that appends the audit record of its sending or receipt, and changes only its
-- state as the request is answered or goes overdue. Each row keeps both sides' audit sequences, so the two logs
-- can be read side by side.
CREATE TABLE federation.requests (
    id                  uuid PRIMARY KEY,
    direction           text NOT NULL CHECK (direction IN ('outgoing', 'incoming')),
    peer                text NOT NULL CHECK (peer ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    -- The requester's id for it: this side's own for an outgoing request, the peer's for an incoming one.
    request_id          text NOT NULL CHECK (length(request_id) BETWEEN 1 AND 64),
    person              text NOT NULL,
    purpose             text NOT NULL,
    urgency             text NOT NULL CHECK (urgency IN ('urgent', 'not-urgent')),
    justification       text NOT NULL CHECK (length(btrim(justification)) > 0),
    -- What is asked: {"categories": [...], "questions": [...]}.
    asked               jsonb NOT NULL,
    -- Who asked here (outgoing only): the officer and their agency.
    requester_subject   text,
    requester_agency    text,
    state               text NOT NULL CHECK (state IN ('sent', 'received', 'overdue', 'answered',
                                                       'partly-answered', 'refused')),
    created_at          timestamptz NOT NULL,
    deadline            timestamptz NOT NULL,
    -- This side's audit sequence of the sending (outgoing) or of the receipt (incoming).
    own_sequence        bigint NOT NULL UNIQUE REFERENCES audit.records (sequence),
    -- The other side's: the answer's sending (outgoing, once answered), the request's sending (incoming).
    peer_sequence       bigint,
    -- This side's audit sequence of the answer: its receipt (outgoing) or its sending (incoming).
    answer_sequence     bigint REFERENCES audit.records (sequence),
    answered_at         timestamptz,
    escalated_at        timestamptz,
    escalation_sequence bigint REFERENCES audit.records (sequence),
    UNIQUE (direction, peer, request_id)
);
CREATE INDEX requests_open ON federation.requests (deadline) WHERE escalated_at IS NULL
    AND state IN ('sent', 'received');
CREATE INDEX requests_outgoing_by_agency ON federation.requests (requester_agency, created_at)
    WHERE direction = 'outgoing';

-- Rows are never removed, and only the state and what comes with it ever change.
CREATE FUNCTION federation.requests_state_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.id, NEW.direction, NEW.peer, NEW.request_id, NEW.person, NEW.purpose, NEW.urgency, NEW.justification,
            NEW.asked, NEW.requester_subject, NEW.requester_agency, NEW.created_at, NEW.deadline, NEW.own_sequence)
            IS DISTINCT FROM (OLD.id, OLD.direction, OLD.peer, OLD.request_id, OLD.person, OLD.purpose, OLD.urgency,
            OLD.justification, OLD.asked, OLD.requester_subject, OLD.requester_agency, OLD.created_at, OLD.deadline,
            OLD.own_sequence) THEN
        RAISE EXCEPTION 'a request for information changes only its state: % refused', TG_OP;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER requests_state_only BEFORE UPDATE ON federation.requests
    FOR EACH ROW EXECUTE FUNCTION federation.requests_state_only();
CREATE TRIGGER requests_kept BEFORE DELETE ON federation.requests
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();

REVOKE ALL ON federation.requests FROM PUBLIC;
GRANT SELECT, INSERT ON federation.requests TO ${runtime_role};
GRANT UPDATE (state, peer_sequence, answer_sequence, answered_at, escalated_at, escalation_sequence)
    ON federation.requests TO ${runtime_role};
