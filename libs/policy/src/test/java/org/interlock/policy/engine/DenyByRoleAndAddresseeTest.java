package org.interlock.policy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.interlock.contracts.Agency;
import org.interlock.contracts.Classification;
import org.interlock.policy.Action;
import org.interlock.policy.Context;
import org.interlock.policy.DecisionRequest;
import org.interlock.policy.Deny;
import org.interlock.policy.DenyReason;
import org.interlock.policy.Permit;
import org.interlock.policy.Principal;
import org.interlock.policy.Resource;
import org.interlock.policy.PolicyFixtures;
import org.interlock.policy.language.Policy;
import org.interlock.policy.loading.PolicyException;
import org.interlock.policy.loading.PolicyLoader;

/** Deny rules that refuse by role, and that spare the organisation a record is addressed to (ADR 0017). */
class DenyByRoleAndAddresseeTest {

    private static final String POLICY = """
            version: t-1
            purposes: [resettlement, public-protection]
            categories: [intervention.participant]
            staff:
              roles: [partner-caseworker, probation-officer]
            agreements:
              - id: to-the-provider
                from: probation
                to: partners
                addressed: true
                actions: [receive]
                categories: [intervention.participant]
                purposes: [resettlement]
                maxClassification: official-sensitive
                requiresCaseload: false
                legalBasis: statutory:test
              - id: to-everyone-later
                from: probation
                to: partners
                actions: [receive]
                categories: ["*"]
                purposes: [resettlement]
                maxClassification: official-sensitive
                requiresCaseload: false
                legalBasis: statutory:test
              - id: to-analysts-later
                from: probation
                to: probation
                roles: [analyst]
                actions: [read, subscribe]
                categories: ["*"]
                purposes: [public-protection]
                maxClassification: secret
                requiresCaseload: false
                legalBasis: statutory:test
            deny:
              - id: only-the-provider
                reason: only to whoever delivers it
                to: [partners]
                categories: [intervention.participant]
                exceptAddressee: true
              - id: no-analysts
                reason: never analysts
                roles: [analyst]
                categories: [intervention.participant]
            """;

    private static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");

    private static Resource participant(String addressee) {
        return new Resource(Agency.PROBATION, "intervention.participant", Classification.OFFICIAL_SENSITIVE, null,
                "urn:interlock:person:00000000-0000-4000-8000-000000000001", "test", null, addressee);
    }

    private static Object decide(Principal who, Action action, Resource what, String purpose) throws PolicyException {
        Policy policy = new PolicyLoader().load("deny.yaml", new StringReader(POLICY));
        return new InterlockPolicyEngine(() -> policy, PolicyFixtures.agreementsAlone(PolicyFixtures.EVERYONE_ALLOCATED, PolicyFixtures.NO_CONSENT))
                .decide(new DecisionRequest(who, action, what, Context.of(purpose, AT)));
    }

    @Test
    void theAddresseeIsSparedAndReceivesUnderItsAgreement() throws PolicyException {
        assertInstanceOf(Permit.class, decide(Principal.inbox("partners", "horizon-mentoring"), Action.RECEIVE,
                participant("horizon-mentoring"), "resettlement"));
    }

    @Test
    void everyOtherOrganisationIsRefusedWhateverALaterAgreementSays() throws PolicyException {
        Deny deny = assertInstanceOf(Deny.class, decide(Principal.inbox("partners", "faith-bridge"), Action.RECEIVE,
                participant("horizon-mentoring"), "resettlement"));

        assertEquals(DenyReason.EXPLICIT_DENY, deny.reason());
    }

    @Test
    void theAddresseeReadsAsAgreementsReadIt() throws PolicyException {
        assertInstanceOf(Permit.class, decide(Principal.inbox("partners", "horizon-mentoring"), Action.RECEIVE,
                participant("org:horizon-mentoring"), "resettlement"));
        // An agency's name addresses no organisation, even one that calls itself by it.
        assertEquals(DenyReason.EXPLICIT_DENY, assertInstanceOf(Deny.class, decide(Principal.inbox("partners",
                "prisons"), Action.RECEIVE, participant("prisons"), "resettlement")).reason());
    }

    @Test
    void aRecordAddressedToNobodySparesNobody() throws PolicyException {
        Deny deny = assertInstanceOf(Deny.class, decide(Principal.inbox("partners", "horizon-mentoring"),
                Action.RECEIVE, participant(null), "resettlement"));

        assertEquals(DenyReason.EXPLICIT_DENY, deny.reason());
    }

    @Test
    void anAnalystIsRefusedInAnyAgencyButStaffWithoutTheRoleAreNot() throws PolicyException {
        Principal analyst = Principal.person("pia", "probation", null, Set.of("analyst"), Classification.SECRET);
        Principal officer = Principal.person("peter", "probation", null, Set.of("probation-officer"),
                Classification.OFFICIAL_SENSITIVE);

        assertEquals(DenyReason.EXPLICIT_DENY, assertInstanceOf(Deny.class,
                decide(analyst, Action.SUBSCRIBE, participant(null), "public-protection")).reason());
        assertInstanceOf(Permit.class, decide(officer, Action.READ, participant(null), "resettlement"));
    }

    @Test
    void exceptAddresseeMustBeABoolean() {
        PolicyException error = assertThrows(PolicyException.class, () -> new PolicyLoader().load("deny.yaml",
                new StringReader(POLICY.replace("exceptAddressee: true", "exceptAddressee: maybe"))));

        assertTrue(error.getMessage().contains("deny.yaml"), error.getMessage());
    }
}
