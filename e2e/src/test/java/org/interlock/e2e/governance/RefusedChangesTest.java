package org.interlock.e2e.governance;

import static org.interlock.e2e.gateway.Problems.FORBIDDEN;
import static org.interlock.e2e.gateway.Problems.VALIDATION_FAILED;
import static org.interlock.e2e.gateway.Problems.assertProblem;
import static org.interlock.e2e.gateway.Problems.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.interlock.contracts.PersonReference;
import org.interlock.e2e.gateway.Auditor;
import org.interlock.e2e.gateway.Casework;
import org.interlock.e2e.gateway.GatewayClient;
import org.interlock.e2e.gateway.SystemOfRecord;
import org.interlock.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Changes that name what they may not (issue 13, bad input), each made by someone who may make
 * that kind of change: each is answered with an RFC 9457 problem document, the service records
 * nothing (read past the gateway), and the refusal is in the audit trail with its reason. Where the
 * same change would be accepted with one term changed, that is shown too, so the refusal is seen to
 * be about the term.
 */
class RefusedChangesTest {

    private static final String TODAY = LocalDate.now().toString();

    private static Casework casework;
    private static Auditor auditor;
    private static GatewayClient tara;
    private static GatewayClient peter;
    private static GatewayClient olivia;
    private static GatewayClient hana;
    private static GatewayClient mia;

    @BeforeAll
    static void theOrganisationsAreRegistered() {
        String gateway = TestStack.shared().gatewayUrl();
        casework = new Casework(gateway);
        auditor = new Auditor(gateway);
        tara = GatewayClient.as(gateway, "tara.probationlead", "case-management");
        peter = GatewayClient.as(gateway, "peter.probation", "resettlement");
        olivia = GatewayClient.as(gateway, "olivia.prison", "resettlement");
        hana = GatewayClient.as(gateway, "hana.horizon", "resettlement");
        mia = GatewayClient.as(gateway, "mia.mentor", "resettlement");
        casework.registerOrganisation(Casework.HORIZON, "Horizon Mentoring", "MENTORING");
        casework.registerOrganisation(Casework.FAITH_BRIDGE, "Faith Bridge", "FAITH");
    }

    @Test
    void anAllocationNamingSomeoneWhoIsNoMemberOfStaffIsRefused() {
        String person = PersonReference.random();

        GatewayClient.Answer allocation = tara.post("/api/v1/probation/allocations", allocation(person,
                "nobody.known", "PROBATION_PRACTITIONER"));

        assertProblem(allocation, 422, VALIDATION_FAILED, "staff");
        assertEquals(0, SystemOfRecord.read("probation", "allocations?person=" + person).size());
        assertEquals(List.of("CHANGE_REST tara.probationlead DENY STAFF_UNKNOWN"),
                auditor.actsOf("tara.probationlead", person));
    }

    /** A probation team manager naming a prison officer; a partner manager naming another organisation's caseworker. */
    @Test
    void anAllocationNamingStaffOfAnotherAgencyOrOrganisationIsRefused() {
        String person = PersonReference.random();

        GatewayClient.Answer prisonOfficer = tara.post("/api/v1/probation/allocations", allocation(person,
                "olivia.prison", "PROBATION_PRACTITIONER"));
        GatewayClient.Answer otherOrganisation = hana.post("/api/v1/partners/allocations", allocation(person,
                "fred.faith", "PARTNER_CASEWORKER"));

        assertProblem(prisonOfficer, 422, VALIDATION_FAILED, "staff");
        assertProblem(otherOrganisation, 422, VALIDATION_FAILED, "staff");
        assertEquals(0, SystemOfRecord.read("probation", "allocations?person=" + person).size());
        assertEquals(0, SystemOfRecord.read("partners", "allocations?person=" + person).size());
        assertEquals(List.of("CHANGE_REST tara.probationlead DENY STAFF_UNKNOWN"),
                auditor.actsOf("tara.probationlead", person));
        assertEquals(List.of("CHANGE_REST hana.horizon DENY STAFF_UNKNOWN"), auditor.actsOf("hana.horizon", person));
    }

    @Test
    void aReferralToAnOrganisationNobodyRegisteredIsRefused() {
        String person = PersonReference.random();
        casework.allocateStatutoryLead(person);

        GatewayClient.Answer referral = peter.post("/api/v1/probation/referrals", Casework.referral(person,
                "unheard-of-housing", List.of("custody.release"), Casework.RESETTLEMENT));

        assertProblem(referral, 422, VALIDATION_FAILED, "organisation");
        assertEquals(0, SystemOfRecord.read("probation", "referrals?person=" + person).size());
        assertEquals(List.of("CHANGE_REST peter.probation DENY ORGANISATION_SUSPENDED"),
                auditor.actsOf("peter.probation", person));
    }

    /** An organisation of its own, registered for this test, so that suspending it takes nothing from the others. */
    @Test
    void aReferralToASuspendedOrganisationIsRefusedWhereOneBeforeTheSuspensionWasNot() {
        String organisation = "lantern-housing-" + UUID.randomUUID().toString().substring(0, 8);
        casework.registerOrganisation(organisation, "Lantern Housing", "HOUSING");
        String before = PersonReference.random();
        String after = PersonReference.random();
        casework.allocateStatutoryLead(before);
        casework.allocateStatutoryLead(after);
        casework.refer(before, organisation, List.of("custody.release"), Casework.RESETTLEMENT);

        assertEquals(200, tara.post("/api/v1/partners/organisations/" + organisation + "/suspend", Map.of()).status());
        casework.awaitOrganisation(organisation, true);
        GatewayClient.Answer referral = peter.post("/api/v1/probation/referrals", Casework.referral(after,
                organisation, List.of("custody.release"), Casework.RESETTLEMENT));

        assertProblem(referral, 422, VALIDATION_FAILED, "organisation");
        assertEquals(0, SystemOfRecord.read("probation", "referrals?person=" + after).size());
        assertEquals(List.of("CHANGE_REST peter.probation DENY ORGANISATION_SUSPENDED"),
                auditor.actsOf("peter.probation", after));
    }

    /** Mia, a caseworker, answers a referral made to her organisation: refused; Hana, its manager, then accepts it. */
    @Test
    void anAcceptanceByACaseworkerRatherThanTheManagerIsRefused() {
        String person = PersonReference.random();
        casework.allocateStatutoryLead(person);
        String referral = casework.refer(person, Casework.HORIZON, List.of("custody.release"), Casework.RESETTLEMENT);
        casework.awaitReferralAtHorizon(referral);

        GatewayClient.Answer accepted = mia.post("/api/v1/partners/referrals/" + referral + "/accept",
                Map.of("caseworker", "mia.mentor"));

        assertProblem(accepted, 403, FORBIDDEN);
        assertEquals("OPEN", SystemOfRecord.read("partners", "referrals/" + referral).path("status").asText());
        assertEquals(0, SystemOfRecord.read("partners", "allocations?person=" + person).size());
        assertEquals(List.of("CHANGE_REST mia.mentor DENY NOT_AUTHORISED"), auditor.actsOf("mia.mentor", person));
        assertEquals(200, hana.post("/api/v1/partners/referrals/" + referral + "/accept",
                Map.of("caseworker", "mia.mentor")).status(), "the manager's acceptance");
    }

    /**
     * The referral is for release dates, for resettlement, for six months: a consent wider in its
     * categories, its purposes or its end date is refused; one within it is recorded.
     */
    @Test
    void aConsentWiderThanItsReferralIsRefused() {
        String person = PersonReference.random();
        casework.allocateStatutoryLead(person);
        casework.acceptForMia(casework.refer(person, Casework.HORIZON, List.of("custody.release"),
                Casework.RESETTLEMENT), person);

        GatewayClient.Answer widerCategories = mia.post("/api/v1/partners/consents",
                Casework.consent(person, Casework.RELEASE_AND_LICENCE, Casework.RESETTLEMENT));
        GatewayClient.Answer widerPurposes = mia.post("/api/v1/partners/consents",
                Casework.consent(person, List.of("custody.release"), List.of("resettlement", "safeguarding")));
        Map<String, Object> longer = new HashMap<>(Casework.consent(person, List.of("custody.release"),
                Casework.RESETTLEMENT));
        longer.put("validUntil", LocalDate.now().plusYears(2).toString());
        GatewayClient.Answer longerLasting = mia.post("/api/v1/partners/consents", longer);

        assertProblem(widerCategories, 422, VALIDATION_FAILED, "categories");
        assertRefused(widerPurposes, 422, VALIDATION_FAILED);
        assertRefused(longerLasting, 422, VALIDATION_FAILED);
        assertEquals(0, SystemOfRecord.read("partners", "consents?person=" + person).size());
        assertEquals(List.of("CHANGE_REST mia.mentor DENY OUTSIDE_REFERRAL", "CHANGE_REST mia.mentor DENY OUTSIDE_REFERRAL",
                "CHANGE_REST mia.mentor DENY OUTSIDE_REFERRAL"), auditor.actsOf("mia.mentor", person));
        assertEquals(201, mia.post("/api/v1/partners/consents", Casework.consent(person, List.of("custody.release"),
                Casework.RESETTLEMENT)).status(), "a consent within the referral");
    }

    /**
     * Peter, allocated by his team manager, is the person's statutory lead: neither his team
     * manager (a probation officer too, but not allocated) nor the prison offender manager
     * (allocated, but no longer the lead once a probation practitioner is) may refer.
     */
    @Test
    void aReferralBySomeoneWhoIsNotThePersonsStatutoryLeadIsRefused() {
        String person = PersonReference.random();
        casework.allocateOffenderManager(person);
        casework.allocateStatutoryLead(person);

        GatewayClient.Answer byTheManager = tara.post("/api/v1/probation/referrals", Casework.referral(person,
                Casework.HORIZON, List.of("custody.release"), Casework.RESETTLEMENT));
        GatewayClient.Answer byThePrison = olivia.post("/api/v1/prisons/referrals", Casework.referral(person,
                Casework.HORIZON, List.of("custody.release"), Casework.RESETTLEMENT));

        assertProblem(byTheManager, 403, FORBIDDEN);
        assertProblem(byThePrison, 403, FORBIDDEN);
        assertEquals(0, SystemOfRecord.read("probation", "referrals?person=" + person).size());
        assertEquals(0, SystemOfRecord.read("prisons", "referrals?person=" + person).size());
        assertEquals(List.of("CHANGE_REST tara.probationlead DENY NOT_STATUTORY_LEAD"),
                actsOfExcludingAllocations("tara.probationlead", person));
        assertEquals(List.of("CHANGE_REST olivia.prison DENY NOT_STATUTORY_LEAD"), auditor.actsOf("olivia.prison", person));
        casework.refer(person, Casework.HORIZON, List.of("custody.release"), Casework.RESETTLEMENT);
    }

    private static List<String> actsOfExcludingAllocations(String actor, String person) {
        return auditor.records("person=" + person + "&actor=" + actor).stream()
                .filter(entry -> !"allocation".equals(entry.record().path("resource").path("category").asText()))
                .map(Auditor.Entry::summary).sorted().toList();
    }

    private static Map<String, Object> allocation(String person, String staff, String role) {
        return Map.of("person", person, "staff", staff, "role", role, "startsOn", TODAY);
    }
}
