-- How many times running the peer refused the head for what it is (malformed, oversized): the outbox gives an
-- envelope up after the third in a row, not after three failures of any kind (an outage's timeouts included).
ALTER TABLE federation.outbox ADD COLUMN refusals integer NOT NULL DEFAULT 0 CHECK (refusals >= 0);

GRANT UPDATE (refusals) ON federation.outbox TO ${runtime_role};
