package org.interlock.gateway.enforcement;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.interlock.contracts.PersonReference;
import org.interlock.gateway.caseload.AllocationCaseload;
import org.interlock.gateway.organisations.OrganisationDirectory;
import org.interlock.gateway.referrals.ReferralView;
import org.interlock.gateway.referrals.Referred;
import org.interlock.platform.actor.ActorAssertion;
import org.interlock.platform.actor.InvalidActorAssertion;
import org.interlock.policy.StaffDirectory;
import org.interlock.testing.AgencyTopics;
import org.interlock.testing.GatewayResource;
import org.interlock.testing.TestActor;
import org.interlock.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The changes that widen someone's access are made only by those with the authority to (ADR 0011),
 * end to end through the gateway with the services stubbed and the views read from real Kafka: a
 * change that names what it may not is 422 naming the field, one made without the authority is 403,
 * and either way nothing reaches the service and the refusal is in the audit trail. What is
 * forwarded carries the gateway's signed word for who acts.
 */
@QuarkusTest
@QuarkusTestResource(GatewayResource.class)
@QuarkusTestResource(UpstreamStub.class)
class GovernedChangeTest {

    private static final Duration SEEN = Duration.ofSeconds(30);
    static final String TOM = TestTokens.person("tom.prisonlead", "prisons", null, "official-sensitive", "team-manager",
            "offender-manager");
    static final String OLIVIA = TestTokens.person("olivia.prison", "prisons", null, "official-sensitive",
            "offender-manager");
    static final String PETER = TestTokens.person("peter.probation", "probation", null, "official-sensitive",
            "probation-officer");
    static final String HANA = TestTokens.person("hana.horizon", "partners", "horizon-mentoring", "official",
            "partner-manager", "partner-caseworker");
    static final String MIA = TestTokens.person("mia.mentor", "partners", "horizon-mentoring", "official",
            "partner-caseworker");
    static final String TARA = TestTokens.person("tara.probationlead", "probation", null, "official-sensitive",
            "team-manager", "probation-officer");
    static final String AUDITOR = TestTokens.person("aud.auditor", "oversight", null, "secret", "auditor");

    @Inject
    OrganisationDirectory organisations;

    @Inject
    AllocationCaseload caseload;

    @Inject
    ReferralView referrals;

    @Inject
    StaffDirectory staff;

    /** The demo organisations registered and every persona in the staff directory, as the gateway has read them. */
    @BeforeEach
    void organisationsAndStaffKnown() {
        AgencyTopics.demoOrganisations();
        await().atMost(SEEN).until(() -> organisations.isActive("horizon-mentoring")
                && staff.member("peter.probation").isPresent() && staff.member("mia.mentor").isPresent());
    }

    @Test
    void anAllocationNamingAnotherAgencysUserIs422AndNeverReachesTheService() {
        String person = PersonReference.random();
        int mark = UpstreamStub.receivedCount();

        as(TOM, "case-management").body(allocation(person, "peter.probation")).post("/api/v1/prisons/allocations")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("staff"));

        assertEquals(List.of(), UpstreamStub.receivedSince(mark), "nothing forwarded");
        assertEquals(List.of("tom.prisonlead DENY STAFF_UNKNOWN"), changesAbout(person));
    }

    /** The 422 names the term that named the stranger: the invitees, not the chair (who is staff). */
    @Test
    void aConferenceInvitingSomeoneUnknownIs422NamingTheInviteesAndNeverReachesTheService() {
        String person = PersonReference.random();
        int mark = UpstreamStub.receivedCount();

        as(TARA, "public-protection").body(conference(person, "peter.probation", "someone.unknown"))
                .post("/api/v1/probation/conferences")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("invitees"));

        assertEquals(List.of(), UpstreamStub.receivedSince(mark), "nothing forwarded");
        assertEquals(List.of("tara.probationlead DENY STAFF_NAMED_UNKNOWN"), changesAbout(person));
    }

    @Test
    void aChangeWhoseBodyTheGatewayCannotReadExactlyIs400AndNeverReachesTheService() {
        String person = PersonReference.random();
        String allocation = allocation(person, "olivia.prison");
        int mark = UpstreamStub.receivedCount();

        for (String body : List.of(allocation.replace("\"staff\":", "\"staff\":\"tom.prisonlead\",\"staff\":"),
                allocation + " {}", "[" + allocation + "]", allocation.substring(1), "person=" + person)) {
            as(TOM, "case-management").body(body).post("/api/v1/prisons/allocations")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:interlock:problem:malformed-request"));
        }

        assertEquals(List.of(), UpstreamStub.receivedSince(mark), "nothing forwarded");
    }

    @Test
    void anAllocationByAnOffenderManagerRatherThanATeamManagerIs403() {
        String person = PersonReference.random();
        int mark = UpstreamStub.receivedCount();

        as(OLIVIA, "case-management").body(allocation(person, "olivia.prison")).post("/api/v1/prisons/allocations")
                .then().statusCode(403).body("type", equalTo("urn:interlock:problem:forbidden"));

        assertEquals(List.of(), UpstreamStub.receivedSince(mark), "nothing forwarded");
        assertEquals(List.of("olivia.prison DENY NOT_AUTHORISED"), changesAbout(person));
    }

    @Test
    void aReferralByAProbationOfficerWhoIsNotThePersonsStatutoryLeadIs403() {
        String person = PersonReference.random();
        AgencyTopics.allocation("probation", "tara.probationlead", person);
        await().atMost(SEEN).until(() -> caseload.statutoryLeads(person).contains("tara.probationlead"));
        int mark = UpstreamStub.receivedCount();

        as(PETER, "case-management").body(referral(person, "horizon-mentoring")).post("/api/v1/probation/referrals")
                .then().statusCode(403).body("type", equalTo("urn:interlock:problem:forbidden"));

        assertEquals(List.of(), UpstreamStub.receivedSince(mark), "nothing forwarded");
        assertEquals(List.of("peter.probation DENY NOT_STATUTORY_LEAD"), changesAbout(person));
    }

    @Test
    void aReferralToAnOrganisationNotRegisteredOrSuspendedIs422NamingTheOrganisation() {
        String person = PersonReference.random();
        petersCase(person);
        AgencyTopics.organisation("shuttered-trust", "ACTIVE", "registered");
        AgencyTopics.organisation("shuttered-trust", "SUSPENDED", "suspended");
        await().atMost(SEEN).until(() -> organisations.organisations().contains("shuttered-trust")
                && !organisations.isActive("shuttered-trust"));
        int mark = UpstreamStub.receivedCount();

        for (String organisation : List.of("never-registered-trust", "shuttered-trust")) {
            as(PETER, "case-management").body(referral(person, organisation)).post("/api/v1/probation/referrals")
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("organisation"));
        }

        assertEquals(List.of(), UpstreamStub.receivedSince(mark), "nothing forwarded");
        assertEquals(List.of("peter.probation DENY ORGANISATION_SUSPENDED", "peter.probation DENY ORGANISATION_SUSPENDED"),
                changesAbout(person));
    }

    @Test
    void anAcceptanceByACaseworkerRatherThanThePartnerManagerIs403() {
        String person = PersonReference.random();
        String id = referralAwaitingAnswer(person);
        int mark = UpstreamStub.receivedCount();

        as(MIA, "resettlement").body("{\"caseworker\":\"mia.mentor\"}").post("/api/v1/partners/referrals/" + id + "/accept")
                .then().statusCode(403).body("type", equalTo("urn:interlock:problem:forbidden"));

        assertEquals(List.of(new UpstreamStub.Received("GET", "/partners/api/v1/referrals/" + id, null)),
                UpstreamStub.receivedSince(mark), "the referral read to decide on, nothing forwarded");
        assertEquals(List.of("mia.mentor DENY NOT_AUTHORISED"), changesAbout(person));
    }

    @Test
    void aConsentWiderThanItsReferralIs422() {
        String person = PersonReference.random();
        Referred.accepted(person, "horizon-mentoring", "mia.mentor", List.of("custody.release"), List.of("resettlement"));
        int mark = UpstreamStub.receivedCount();

        as(MIA, "resettlement").body(consent(person, "\"custody.release\",\"licence.*\""))
                .post("/api/v1/partners/consents").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("categories"));

        assertEquals(List.of(), UpstreamStub.receivedSince(mark), "nothing forwarded");
        assertEquals(List.of("mia.mentor DENY OUTSIDE_REFERRAL"), changesAbout(person));
    }

    @Test
    void everyWriteForwardedCarriesTheGatewaysSignedWordForWhoActs() {
        String person = PersonReference.random();
        petersCase(person);
        String referral = referralAwaitingAnswer(person);
        Referred.accepted(person, "horizon-mentoring", "mia.mentor", List.of("custody.release"), List.of("resettlement"));
        UpstreamStub.answer("POST", "/prisons/api/v1/allocations", 201, "{\"id\":\"" + UUID.randomUUID() + "\"}");
        UpstreamStub.answer("POST", "/probation/api/v1/referrals", 201, "{\"id\":\"" + UUID.randomUUID() + "\"}");
        UpstreamStub.answer("POST", "/partners/api/v1/referrals/" + referral + "/accept", 200, "{\"status\":\"ACCEPTED\"}");
        UpstreamStub.answer("POST", "/partners/api/v1/consents", 201, "{\"id\":\"" + UUID.randomUUID() + "\"}");

        as(TOM, "case-management").body(allocation(person, "olivia.prison")).post("/api/v1/prisons/allocations")
                .then().statusCode(201);
        assertActs("POST /prisons/api/v1/allocations", "tom.prisonlead", "prisons", null, "team-manager");
        as(PETER, "case-management").body(referral(person, "horizon-mentoring")).post("/api/v1/probation/referrals")
                .then().statusCode(201);
        assertActs("POST /probation/api/v1/referrals", "peter.probation", "probation", null, "probation-officer");
        as(HANA, "resettlement").body("{\"caseworker\":\"mia.mentor\"}")
                .post("/api/v1/partners/referrals/" + referral + "/accept").then().statusCode(200);
        assertActs("POST /partners/api/v1/referrals/" + referral + "/accept", "hana.horizon", "partners",
                "horizon-mentoring", "partner-manager");
        as(MIA, "resettlement").body(consent(person, "\"custody.release\"")).post("/api/v1/partners/consents")
                .then().statusCode(201);
        assertActs("POST /partners/api/v1/consents", "mia.mentor", "partners", "horizon-mentoring", "partner-caseworker");
    }

    /**
     * The last request the stub received as {@code methodAndPath} named the caller, MACed with the
     * key of the service it went to and addressed to it; under any other service's key it is refused.
     */
    private static void assertActs(String methodAndPath, String username, String agency, String org, String role) {
        String header = UpstreamStub.LAST_ACTOR.get(methodAndPath);
        assertNotNull(header, methodAndPath + " reached the service without " + ActorAssertion.HEADER);
        String service = methodAndPath.split("/")[1];
        ActorAssertion actor = ActorAssertion.verify(header, List.of(TestActor.devKey(service)), service, Instant.now());
        assertEquals(List.of(username, agency, String.valueOf(org)),
                List.of(actor.username(), actor.agency(), String.valueOf(actor.org())), methodAndPath);
        assertTrue(actor.roles().contains(role), actor.roles() + " holds " + role);
        for (String other : TestActor.DEV_SECRETS.keySet()) {
            if (!other.equals(service)) {
                assertThrows(InvalidActorAssertion.class,
                        () -> ActorAssertion.verify(header, List.of(TestActor.devKey(other)), other, Instant.now()),
                        methodAndPath + " verified at " + other);
            }
        }
    }

    /** peter.probation allocated to the person by a team manager: their statutory lead, in the gateway's view. */
    private void petersCase(String person) {
        AgencyTopics.allocation("probation", "peter.probation", person);
        await().atMost(SEEN).until(() -> caseload.statutoryLeads(person).contains("peter.probation"));
    }

    /**
     * A referral of the person by probation to horizon-mentoring, made and not yet answered: in the
     * gateway's view, and as the partners service holds it (which a change to it is decided on).
     */
    private String referralAwaitingAnswer(String person) {
        AgencyTopics.Referral made = AgencyTopics.referralMade(AgencyTopics.Referral.byProbation(person,
                "horizon-mentoring", List.of("custody.release"), List.of("resettlement")));
        await().atMost(SEEN).until(() -> referrals.find(made.id()).isPresent());
        UpstreamStub.answer("GET", "/partners/api/v1/referrals/" + made.id(), 200, """
                {"id":"%s","person":"%s","organisation":"horizon-mentoring","origin":"probation",
                 "purposes":["resettlement"],"categories":["custody.release"],"endsOn":"%s","status":"OPEN",
                 "caseworker":null,"answeredBy":null,"answeredOn":null}""".formatted(made.id(), person, made.endsOn()));
        return made.id();
    }

    /** The CHANGE_REST decisions about the person, in order: "<actor> <outcome> <reason>". */
    private static List<String> changesAbout(String person) {
        List<Map<String, Object>> records = given().auth().oauth2(AUDITOR).queryParam("person", person)
                .queryParam("action", "CHANGE_REST").get("/audit/v1/records").then().statusCode(200)
                .extract().jsonPath().getList("records.record");
        return records.stream().map(GovernedChangeTest::line).toList();
    }

    @SuppressWarnings("unchecked")
    private static String line(Map<String, Object> record) {
        Map<String, Object> decision = (Map<String, Object>) record.get("decision");
        return ((Map<String, Object>) record.get("actor")).get("subject") + " " + decision.get("outcome") + " "
                + decision.get("reason");
    }

    private static RequestSpecification as(String token, String purpose) {
        return given().auth().oauth2(token).header("X-Purpose-Of-Use", purpose).contentType("application/json");
    }

    private static String allocation(String person, String staff) {
        return """
                {"person":"%s","staff":"%s","role":"OFFENDER_MANAGER","startsOn":"%s"}"""
                .formatted(person, staff, today());
    }

    private static String conference(String person, String... invitees) {
        return """
                {"person":"%s","meetsAt":"%sT10:00:00Z","chair":"tara.probationlead","invitees":["%s"],
                 "organisations":["prisons"],"purpose":"Pre-release planning"}""".formatted(person,
                today().plusDays(7), String.join("\",\"", invitees));
    }

    private static String referral(String person, String organisation) {
        return """
                {"person":"%s","organisation":"%s","purposes":["resettlement"],"categories":["custody.release"],
                 "reason":"Mentoring through the gate","endsOn":"%s"}""".formatted(person, organisation,
                today().plusMonths(6));
    }

    private static String consent(String person, String categories) {
        return """
                {"person":"%s","organisation":"horizon-mentoring","categories":[%s],"purposes":["resettlement"],
                 "validFrom":"%s","validUntil":"%s","obtainedHow":"WRITTEN","obtainedBy":"mia.mentor","obtainedOn":"%s"}"""
                .formatted(person, categories, today(), today().plusMonths(6), today());
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
