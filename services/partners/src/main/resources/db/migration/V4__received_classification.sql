-- A copy keeps the classification the gateway released it as (ce_classification): the partner's
-- staff read it only within their clearance. Copies stored before this column existed were
-- released as official at most (the only partner agreements then released official projections).
ALTER TABLE received_events ADD COLUMN classification text NOT NULL DEFAULT 'official';
ALTER TABLE received_events ALTER COLUMN classification DROP DEFAULT;
