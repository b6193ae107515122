-- Interventions arranged by the person's statutory lead (prisons and probation: services built with
-- interlock.interventions=true serve them; the tables exist everywhere), delivered by the arranging
-- agency itself or by a partner organisation (ADR 0017).
CREATE TABLE intervention (
    id              uuid        PRIMARY KEY,
    person          text        NOT NULL,
    type            text        NOT NULL,
    provider_agency text,                                -- the arranging agency, when it delivers it
    organisation    text,                                -- the partner organisation that delivers it
    referral        uuid,                                -- the accepted referral an organisation delivers within
    starts_on       date        NOT NULL,
    ends_on         date        NOT NULL,
    arranged_by     text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('ARRANGED', 'COMPLETED', 'NOT_COMPLETED')),
    outcome_notes   text,
    ended_on        date,
    outcome_by      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    version         integer     NOT NULL DEFAULT 0,
    CHECK ((provider_agency IS NULL) <> (organisation IS NULL)),
    CHECK (ends_on >= starts_on)
);
CREATE INDEX intervention_person ON intervention (person);

-- A session of an intervention the agency delivers, attended or missed.
CREATE TABLE intervention_session (
    id           uuid        PRIMARY KEY,
    intervention uuid        NOT NULL REFERENCES intervention (id),
    session_on   date        NOT NULL,
    attendance   text        NOT NULL CHECK (attendance IN ('ATTENDED', 'MISSED_ACCEPTABLE', 'MISSED_UNACCEPTABLE')),
    recorded_by  text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX intervention_session_intervention ON intervention_session (intervention);

-- Third parties taking part beside the person: family members, friends, community gatekeepers. Their
-- name and contact are emptied when they withdraw their consent to take part.
CREATE TABLE intervention_participant (
    id                  uuid        PRIMARY KEY,
    intervention        uuid        NOT NULL REFERENCES intervention (id),
    relationship        text        NOT NULL CHECK (relationship IN ('FAMILY_MEMBER', 'FRIEND', 'COMMUNITY_GATEKEEPER')),
    relationship_detail text,
    name                text,
    contact             text,
    consent             text        NOT NULL CHECK (consent IN ('GIVEN', 'WITHDRAWN')),
    consent_given_on    date        NOT NULL,
    withdrawn_on        date,
    recorded_by         text        NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    version             integer     NOT NULL DEFAULT 0,
    CHECK (consent = 'WITHDRAWN' OR name IS NOT NULL)
);
CREATE INDEX intervention_participant_intervention ON intervention_participant (intervention);
