-- Structured risk assessments as a history, against versioned factor sets (issue 16, ADR 0018):
-- prisons and probation serve them (interlock.assessments=true); the table exists everywhere.
-- Prisons' assessments recorded before this (its own risk_assessment table) move here in its V3.
CREATE TABLE assessment (
    id                 uuid    PRIMARY KEY,
    person             text    NOT NULL,
    assessed_on        date    NOT NULL,
    assessor           text    NOT NULL,
    engagement         text    NOT NULL CHECK (engagement IN ('LOW', 'MODERATE', 'HIGH')),
    intent             text    NOT NULL CHECK (intent IN ('LOW', 'MODERATE', 'HIGH')),
    capability         text    NOT NULL CHECK (capability IN ('LOW', 'MODERATE', 'HIGH')),
    overall            text    NOT NULL CHECK (overall IN ('LOW', 'MODERATE', 'HIGH')),
    rationale          text    NOT NULL,
    -- 1 for the person's first assessment here, then one more than the last.
    version            integer NOT NULL CHECK (version >= 1),
    previous           uuid    REFERENCES assessment (id),
    -- The review-trigger notice (its inbox id) this assessment answers, if any.
    prompt             uuid,
    -- The factor set rated and each factor's rating (JSON: [{domain, factor, rating}]); all three
    -- null for a domain-only assessment (prisons' before factor sets).
    factor_set         text,
    factor_set_version integer,
    factors            text,
    CHECK ((factor_set IS NULL) = (factor_set_version IS NULL) AND (factor_set IS NULL) = (factors IS NULL)),
    -- Two assessments recorded at once cannot both be the next version (the service answers 409).
    CONSTRAINT assessment_version UNIQUE (person, version)
);
