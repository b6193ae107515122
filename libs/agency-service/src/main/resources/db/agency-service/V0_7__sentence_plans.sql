-- Sentence plans (issue 16, ADR 0016): one plan per person, held by prisons in custody and by
-- probation on licence (services built with interlock.sentence-plans=true; the tables exist
-- everywhere). Each revision is kept whole, with its reason: the plan's history.
CREATE TABLE sentence_plan (
    id              uuid        PRIMARY KEY,          -- the same id in prisons and probation
    person          text        NOT NULL UNIQUE,
    status          text        NOT NULL CHECK (status IN ('HELD', 'HANDED_OVER')),
    current_version integer     NOT NULL,
    handed_over_on  date,
    lock_version    integer     NOT NULL DEFAULT 0,   -- optimistic lock: a revision and a release never both win
    CHECK ((status = 'HANDED_OVER') = (handed_over_on IS NOT NULL))
);

CREATE TABLE sentence_plan_revision (
    id          uuid        PRIMARY KEY,
    plan        uuid        NOT NULL REFERENCES sentence_plan (id),
    person      text        NOT NULL,
    version     integer     NOT NULL CHECK (version >= 1),
    previous    integer,                             -- the version it revises; null for the first
    owner       text        NOT NULL,                -- the agency that held the plan when it was revised
    reason      text        NOT NULL CHECK (length(btrim(reason)) > 0),
    objectives  text        NOT NULL,                -- JSON array of the objectives of this version
    revised_by  text        NOT NULL,
    revised_on  date        NOT NULL,
    CONSTRAINT sentence_plan_revision_version UNIQUE (plan, version),
    CHECK (previous IS NULL OR previous = version - 1)
);
CREATE INDEX sentence_plan_revision_person ON sentence_plan_revision (person);
