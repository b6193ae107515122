package org.interlock.e2e.governance;

import static org.interlock.e2e.gateway.Problems.FORBIDDEN;
import static org.interlock.e2e.gateway.Problems.NOT_FOUND;
import static org.interlock.e2e.gateway.Problems.VALIDATION_FAILED;
import static org.interlock.e2e.gateway.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.interlock.contracts.PersonReference;
import org.interlock.e2e.gateway.Auditor;
import org.interlock.e2e.gateway.Casework;
import org.interlock.e2e.gateway.GatewayClient;
import org.interlock.e2e.gateway.SystemOfRecord;
import org.interlock.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two insider sequences of issue 13, each two requests by a partner caseworker with a valid
 * token, as they were tried on the local stack: both now end in 404, nothing the caseworker sent is
 * recorded by the partners service, and the auditor finds every refusal with its reason.
 */
class InsiderSequencesTest {

    private static String gateway;
    private static Casework casework;
    private static Auditor auditor;
    private static GatewayClient mia;

    @BeforeAll
    static void theOrganisationsAreRegistered() {
        gateway = TestStack.shared().gatewayUrl();
        casework = new Casework(gateway);
        auditor = new Auditor(gateway);
        mia = GatewayClient.as(gateway, "mia.mentor", "resettlement");
        casework.registerOrganisation(Casework.HORIZON, "Horizon Mentoring", "MENTORING");
    }

    /**
     * A consent for a person no statutory agency referred (422), an allocation of herself (403): the
     * release date stays out of reach (404), refused for want of a referral.
     */
    @Test
    void aCaseworkerCannotConsentAndAllocateHerWayToAPersonNobodyReferred() {
        String person = PersonReference.random();
        String episode = casework.receiveWithReleaseDate(person, "E5555EE");

        GatewayClient.Answer consent = mia.post("/api/v1/partners/consents",
                Casework.consent(person, List.of("custody.release"), Casework.RESETTLEMENT));
        GatewayClient.Answer allocation = mia.post("/api/v1/partners/allocations", Map.of("person", person,
                "staff", "mia.mentor", "role", "PARTNER_CASEWORKER", "startsOn", LocalDate.now().toString()));
        GatewayClient.Answer read = mia.get("/api/v1/prisons/custody-episodes/" + episode);

        assertProblem(consent, 422, VALIDATION_FAILED, "categories");
        assertProblem(allocation, 403, FORBIDDEN);
        assertProblem(read, 404, NOT_FOUND);
        assertEquals(0, SystemOfRecord.read("partners", "consents?person=" + person).size(), "consents recorded");
        assertEquals(0, SystemOfRecord.read("partners", "allocations?person=" + person).size(), "allocations recorded");
        assertEquals(List.of("CHANGE_REST mia.mentor DENY NOT_AUTHORISED", "CHANGE_REST mia.mentor DENY OUTSIDE_REFERRAL",
                "DISCLOSE_REST mia.mentor DENY NO_REFERRAL"), auditor.actsOf("mia.mentor", person));
    }

    /**
     * An allocation in the partners service naming a probation officer (422): the officer still
     * cannot read the person's custody record (404). Before he tries, the person's statutory lead
     * (the prison offender manager) refers the person to horizon-mentoring and its manager accepts:
     * events about the person on the partners topic after the caseworker's attempt, so once the
     * gateway has read the acceptance it has read anything she could have written before it.
     */
    @Test
    void aCaseworkerCannotPutAProbationOfficerOnAPersonsCaseload() {
        GatewayClient peter = GatewayClient.as(gateway, "peter.probation", "case-management");
        String person = PersonReference.random();
        String episode = casework.receiveWithReleaseDate(person, "F6666FF");

        GatewayClient.Answer allocation = mia.post("/api/v1/partners/allocations", Map.of("person", person,
                "staff", "peter.probation", "role", "PARTNER_CASEWORKER", "startsOn", LocalDate.now().toString()));
        assertProblem(allocation, 422, VALIDATION_FAILED, "staff");
        assertEquals(0, SystemOfRecord.read("partners", "allocations?person=" + person).size(), "allocations recorded");

        casework.allocateOffenderManager(person);
        casework.acceptForMia(casework.referFromPrison(person, Casework.HORIZON, List.of("custody.release"),
                Casework.RESETTLEMENT), person);
        GatewayClient.Answer read = peter.get("/api/v1/prisons/custody-episodes/" + episode);

        assertProblem(read, 404, NOT_FOUND);
        assertEquals(List.of("CHANGE_REST mia.mentor DENY STAFF_UNKNOWN"), auditor.actsOf("mia.mentor", person));
        assertEquals(List.of("DISCLOSE_REST peter.probation DENY NOT_IN_CASELOAD"),
                auditor.actsOf("peter.probation", person));
    }
}
