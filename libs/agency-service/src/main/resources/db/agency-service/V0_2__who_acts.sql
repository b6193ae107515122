-- Who acts (issue 13): every outbox row names who it is recorded by, and every allocation who made it.
-- Shared migrations (V0_x) are numbered below the services' own (V1 and up) and run out of order on a
-- database that already has those (quarkus.flyway.out-of-order).

-- Rows written before this column existed were recorded by someone nobody noted.
ALTER TABLE outbox ADD COLUMN recorded_by text NOT NULL DEFAULT 'unrecorded';
ALTER TABLE outbox ALTER COLUMN recorded_by DROP DEFAULT;

-- Null only for allocations made before who acts was known.
ALTER TABLE allocation ADD COLUMN allocated_by text;
