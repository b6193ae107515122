-- Who links people (ADR 0014, amendment): the index joins two references only when an identity
-- manager confirms it, and never on the word of the one who asserted the record.
--   grade:     what the matcher found: a shared identifier, a score at or above the automatic
--              threshold, or a candidate score; null for a conflict
--   raised_by: who asserted the record that raised the item; they may not decide it
ALTER TABLE review_item
    ADD COLUMN grade text CHECK (grade IN ('SAME_IDENTIFIER', 'AUTOMATIC_MATCH', 'CANDIDATE')),
    ADD COLUMN raised_by text NOT NULL DEFAULT 'unknown';
ALTER TABLE review_item ALTER COLUMN raised_by DROP DEFAULT;
UPDATE review_item SET grade = 'CANDIDATE' WHERE kind = 'CANDIDATE';
