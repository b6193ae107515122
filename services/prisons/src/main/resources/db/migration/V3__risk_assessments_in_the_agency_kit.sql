-- Prisons' assessments move to the agency kit's table (libs/agency-service V0_6, ADR 0018), which
-- probation shares: same ids, versions, links and prompts; recorded before factor sets, so
-- domain-only. The old table goes, so that there is one history.
INSERT INTO assessment (id, person, assessed_on, assessor, engagement, intent, capability, overall, rationale,
                        version, previous, prompt)
SELECT id, person, assessed_on, assessor, engagement, intent, capability, overall, rationale,
       version, previous, prompt
FROM risk_assessment;
DROP TABLE risk_assessment;
