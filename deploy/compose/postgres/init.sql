-- Databases and roles of Interlock on the compose pilot (run once, by the postgres image, on an
-- empty data volume). DEV ONLY passwords: they are also in docker-compose.yml; change both
-- before the pilot holds real data.
--
-- One owner role and one database per application, as on the local stack and in helm/: no
-- application connects as the superuser, and none can connect to another's database.

CREATE ROLE prisons LOGIN PASSWORD 'dev-only-prisons';
CREATE DATABASE prisons OWNER prisons;
REVOKE ALL ON DATABASE prisons FROM PUBLIC;

CREATE ROLE probation LOGIN PASSWORD 'dev-only-probation';
CREATE DATABASE probation OWNER probation;
REVOKE ALL ON DATABASE probation FROM PUBLIC;

CREATE ROLE intelligence LOGIN PASSWORD 'dev-only-intelligence';
CREATE DATABASE intelligence OWNER intelligence;
REVOKE ALL ON DATABASE intelligence FROM PUBLIC;

CREATE ROLE partners LOGIN PASSWORD 'dev-only-partners';
CREATE DATABASE partners OWNER partners;
REVOKE ALL ON DATABASE partners FROM PUBLIC;

-- The person index (ADR 0014).
CREATE ROLE people LOGIN PASSWORD 'dev-only-people';
CREATE DATABASE people OWNER people;
REVOKE ALL ON DATABASE people FROM PUBLIC;

-- The gateway: its owner role runs the Flyway migrations (the audit schema is its own), and the
-- gateway runs as gateway_app, which owns nothing and gets from the migrations only SELECT and
-- INSERT on the audit rows, so that not even the gateway can alter the audit trail it writes.
CREATE ROLE gateway LOGIN PASSWORD 'dev-only-gateway';
CREATE DATABASE gateway OWNER gateway;
REVOKE ALL ON DATABASE gateway FROM PUBLIC;
CREATE ROLE gateway_app LOGIN PASSWORD 'dev-only-gateway-app' NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
GRANT CONNECT ON DATABASE gateway TO gateway_app;
