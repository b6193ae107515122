-- The gateway's schema (audit trail, caseload and consent views) starts here.
CREATE SCHEMA IF NOT EXISTS gateway;
