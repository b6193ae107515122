-- The intelligence service's schema starts here; every later change is a new, numbered migration.
CREATE SCHEMA IF NOT EXISTS intelligence;
