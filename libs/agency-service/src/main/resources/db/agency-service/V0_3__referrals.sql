-- Referrals of a person to a partner organisation, made by the person's statutory lead (prisons and
-- probation: services built with interlock.referrals=true serve them; the table exists everywhere).
CREATE TABLE referral (
    id           uuid        PRIMARY KEY,
    person       text        NOT NULL,
    organisation text        NOT NULL,
    purposes     text        NOT NULL,               -- comma-separated, as consents keep them
    categories   text        NOT NULL,               -- comma-separated category patterns
    reason       text        NOT NULL,
    ends_on      date        NOT NULL,
    referred_by  text        NOT NULL,
    status       text        NOT NULL CHECK (status IN ('MADE', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'EXPIRED')),
    withdrawn_on date,
    created_at   timestamptz NOT NULL DEFAULT now(),
    version      integer     NOT NULL DEFAULT 0
);
CREATE INDEX referral_person ON referral (person);
-- What the expiry job looks for: referrals still open or in force.
CREATE INDEX referral_current_ends_on ON referral (ends_on) WHERE status IN ('MADE', 'ACCEPTED');
