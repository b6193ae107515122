-- Referrals made to partner organisations, as the organisation holds them (received from its inbox),
-- and its answer. The id is the referral's id in the referring service (origin).
CREATE TABLE partner_referral (
    id           uuid        PRIMARY KEY,
    person       text        NOT NULL,
    organisation text        NOT NULL REFERENCES organisation (id),
    origin       text        NOT NULL CHECK (origin IN ('prisons', 'probation')),
    purposes     text        NOT NULL,               -- comma-separated
    categories   text        NOT NULL,               -- comma-separated category patterns
    ends_on      date        NOT NULL,
    status       text        NOT NULL CHECK (status IN ('OPEN', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'EXPIRED')),
    caseworker   text,
    answered_by  text,
    answered_on  date,
    received_at  timestamptz NOT NULL DEFAULT now(),
    version      integer     NOT NULL DEFAULT 0,
    -- Answered (by a partner manager, on a day) or not at all; only an acceptance names a caseworker.
    CHECK ((answered_by IS NULL) = (answered_on IS NULL)),
    CHECK (caseworker IS NULL OR answered_by IS NOT NULL)
);
CREATE INDEX partner_referral_organisation_person ON partner_referral (organisation, person);
