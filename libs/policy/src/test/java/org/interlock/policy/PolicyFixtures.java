package org.interlock.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.interlock.contracts.Agency;
import org.interlock.contracts.Classification;
import org.interlock.policy.engine.InterlockPolicyEngine;
import org.interlock.policy.language.CategoryPattern;
import org.interlock.policy.language.DenyRule;
import org.interlock.policy.language.LegalBasis;
import org.interlock.policy.language.Policy;
import org.interlock.policy.language.Recipient;
import org.interlock.policy.language.SharingAgreement;

/** Subjects, resources and small policies for the engine's tests. */
public final class PolicyFixtures {

    public static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    public static final String PERSON = "urn:interlock:person:11111111-1111-4111-8111-111111111111";
    public static final String OTHER_PERSON = "urn:interlock:person:22222222-2222-4222-8222-222222222222";
    public static final Set<String> STAFF = Set.of("offender-manager", "probation-officer", "intelligence-officer",
            "partner-caseworker", "service");
    public static final Set<String> PURPOSES = Set.of("case-management", "public-protection", "resettlement",
            "risk-management", "safeguarding", "oversight");
    public static final Set<String> CATEGORIES = Set.of("custody.release", "custody.security", "risk.assessment",
            "licence.conditions", "supervision.recall", "intel.report", "intel.summary", "intel.threat",
            "partner.activity");
    public static final LegalBasis STATUTE = new LegalBasis.Statutory("Offender Management Act 2007 s.14");
    public static final Caseload EVERYONE_ALLOCATED = (username, person) -> true;
    public static final Caseload NOBODY_ALLOCATED = (username, person) -> false;
    public static final ConsentView CONSENT_GIVEN = (person, org, category, purpose, at) ->
            Optional.of(new ConsentGrant("consent-7", person, org, NOW.minusSeconds(3600)));
    public static final ConsentView NO_CONSENT = (person, org, category, purpose, at) -> Optional.empty();

    private PolicyFixtures() {
    }

    public static Principal peter() {
        return Principal.person("peter.probation", "probation", null, Set.of("probation-officer"),
                Classification.OFFICIAL_SENSITIVE);
    }

    public static Principal olivia() {
        return Principal.person("olivia.prison", "prisons", null, Set.of("offender-manager"),
                Classification.OFFICIAL_SENSITIVE);
    }

    public static Principal mia() {
        return Principal.person("mia.mentor", "partners", "horizon-mentoring", Set.of("partner-caseworker"),
                Classification.OFFICIAL);
    }

    public static Principal fred() {
        return Principal.person("fred.faith", "partners", "faith-bridge", Set.of("partner-caseworker"),
                Classification.OFFICIAL);
    }

    public static Principal ana() {
        return Principal.person("ana.analyst", "intelligence", null, Set.of("analyst"), Classification.SECRET);
    }

    public static Resource resource(Agency origin, String category, Classification classification) {
        return new Resource(origin, category, classification, null, PERSON, "test");
    }

    public static Resource handled(Agency origin, String category, Classification classification, String handling) {
        return new Resource(origin, category, classification, handling, PERSON, "test");
    }

    public static DecisionRequest request(Principal who, Action action, Resource what, String purpose) {
        return new DecisionRequest(who, action, what, Context.of(purpose, NOW));
    }

    public static DecisionRequest read(Principal who, Resource what, String purpose) {
        return request(who, Action.READ, what, purpose);
    }

    public static DecisionRequest breakGlass(Principal who, Resource what, String purpose) {
        return new DecisionRequest(who, Action.READ, what, new Context(purpose, "duty officer, urgent", NOW));
    }

    /** Prisons to probation, statutory, custody.* for case management, up to official-sensitive. */
    public static SharingAgreement.Builder prisonsToProbation(String id) {
        return SharingAgreement.builder(id, Agency.PRISONS, Recipient.parse("probation"))
                .categories("custody.*").purposes("case-management")
                .maxClassification(Classification.OFFICIAL_SENSITIVE).legalBasis(STATUTE);
    }

    public static Policy policy(List<SharingAgreement> agreements, List<DenyRule> denyRules) {
        return new Policy("test-1", PURPOSES, CATEGORIES, STAFF, Set.of("probation-officer", "offender-manager"),
                agreements, denyRules);
    }

    public static Policy policy(SharingAgreement... agreements) {
        return policy(List.of(agreements), List.of());
    }

    /**
     * An engine in a world where the agreements alone decide: every person is referred to every
     * partner organisation for everything, every organisation is active, nobody is restricted.
     * The governance of those acts is tested on its own ({@code GovernanceTest}, {@code TrustModelPropertiesTest}).
     */
    public static PolicyEngine engine(Policy policy, Caseload caseload, ConsentView consents) {
        return new InterlockPolicyEngine(() -> policy, agreementsAlone(caseload, consents));
    }

    /** The views of a world in which only the caseload, the consents and the agreements decide. */
    public static Views agreementsAlone(Caseload caseload, ConsentView consents) {
        return new Views(caseload, consents, EVERY_REFERRAL, Restrictions.NONE, EVERY_ORGANISATION_ACTIVE,
                StaffDirectory.NONE);
    }

    /** Every person referred to every organisation, for every category and purpose, accepted and in force. */
    public static final Referrals EVERY_REFERRAL = new Referrals() {
        @Override
        public List<Referral> inForce(String person, String organisation, Instant at) {
            return List.of(new Referral("referral-everything", person, organisation,
                    List.of(new CategoryPattern("*")), List.copyOf(PURPOSES), LocalDate.of(2100, 1, 1), "lead", true,
                    false));
        }

        @Override
        public Optional<Referral> find(String id) {
            return Optional.empty();
        }
    };

    public static final Organisations EVERY_ORGANISATION_ACTIVE = new Organisations() {
        @Override
        public boolean isActive(String organisation) {
            return true;
        }

        @Override
        public boolean isSuspended(String organisation) {
            return false;
        }
    };

    public static PolicyEngine engine(Policy policy) {
        return engine(policy, EVERYONE_ALLOCATED, NO_CONSENT);
    }

    public static DenyReason reasonOf(Decision decision) {
        return decision instanceof Deny deny ? deny.reason() : null;
    }
}
