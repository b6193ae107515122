package org.interlock.partners.referral;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.interlock.contracts.Agency;
import org.interlock.contracts.Classification;
import org.interlock.contracts.EventType;
import org.interlock.contracts.PersonReference;
import org.interlock.partners.PartnersEvents;
import org.interlock.testing.CloudEventAssertions;
import org.interlock.testing.KafkaPostgresResource;
import org.interlock.testing.ServiceRequests;
import org.interlock.testing.StateTopicAssertions;
import org.interlock.testing.TestActor;
import org.interlock.testing.TestDatabase;
import org.interlock.testing.TopicRecorder;
import org.interlock.testing.TopicWriter;
import org.interlock.testing.service.WhoActsContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A referral reaches a partner organisation as copies of the referring agency's events; its partner
 * manager accepts (allocating a caseworker in the same transaction) or declines it, once.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "partners"))
class PartnerReferralTest {

    private static final String INBOX = "interlock.inbox.partners";
    private static final String HORIZON = "horizon-mentoring";
    private static final String FAITH = "faith-bridge";
    private static final TestActor HANA = TestActor.of("hana.horizon", "partners", HORIZON, "partner-manager");
    private static final Set<String> FIELDS = Set.of("id", "person", "organisation", "origin", "purposes", "categories",
            "endsOn", "status", "caseworker", "answeredBy", "answeredOn");
    private static final EventType ALLOCATION_STARTED = EventType.v1(Agency.PARTNERS, "allocation", "started",
            "allocation", Classification.OFFICIAL);

    private static TopicRecorder events;
    private static TopicRecorder state;

    @BeforeAll
    static void record() {
        events = new TopicRecorder("interlock.partners.events");
        state = new TopicRecorder("interlock.partners.state");
    }

    @AfterAll
    static void stop() {
        events.close();
        state.close();
    }

    @BeforeEach
    void organisations() {
        for (String[] org : List.of(new String[] {HORIZON, "Horizon Mentoring", "MENTORING"},
                new String[] {FAITH, "Faith Bridge", "FAITH"})) {
            ServiceRequests.asGateway().body(Map.of("id", org[0], "name", org[1], "kind", org[2]))
                    .post("/api/v1/organisations").then().statusCode(oneOf(201, 409));
        }
    }

    @Test
    void aReferralMadeToTheOrganisationIsHeldOnceAndOpen() {
        String person = PersonReference.random();
        String referral = UUID.randomUUID().toString();
        String source = deliver("probation", "made", referral, person, HORIZON, HORIZON);
        deliver("probation", "made", referral, person, HORIZON, HORIZON);
        awaitStatus(referral, "OPEN");

        ServiceRequests.asGateway().get("/api/v1/referrals?organisation=" + HORIZON + "&person=" + person).then()
                .statusCode(200).body("$", hasSize(1))
                .body("[0].id", equalTo(referral))
                .body("[0].person", equalTo(person))
                .body("[0].organisation", equalTo(HORIZON))
                .body("[0].origin", equalTo("probation"))
                .body("[0].purposes", equalTo(List.of("resettlement")))
                .body("[0].categories", equalTo(List.of("custody.release", "licence.*")))
                .body("[0].endsOn", equalTo(LocalDate.now().plusMonths(6).toString()))
                .body("[0].status", equalTo("OPEN"))
                .body("[0].caseworker", nullValue())
                .body("[0].answeredBy", nullValue())
                .body("[0].answeredOn", nullValue());
        ServiceRequests.asGateway().get("/api/v1/referrals?organisation=" + FAITH + "&person=" + person).then()
                .statusCode(200).body("$", hasSize(0));
        // Like every copy, it is also kept as what the organisation received.
        ServiceRequests.asGateway().get("/api/v1/received-events?organisation=" + HORIZON + "&person=" + person).then()
                .statusCode(200).body("sourceEventId", hasItem(source));
    }

    @Test
    void acceptingAllocatesTheCaseworkerAsTheManagerInTheSameTransactionAndPublishesBoth() {
        String person = PersonReference.random();
        String referral = opened(person);

        ServiceRequests.asGatewayFor(HANA).body(Map.of("caseworker", "mia.mentor"))
                .post("/api/v1/referrals/" + referral + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .body("caseworker", equalTo("mia.mentor"))
                .body("answeredBy", equalTo("hana.horizon"))
                .body("answeredOn", equalTo(LocalDate.now().toString()));
        ServiceRequests.asGateway().get("/api/v1/allocations?person=" + person).then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].staff", equalTo("mia.mentor"))
                .body("[0].role", equalTo("PARTNER_CASEWORKER"))
                .body("[0].startsOn", equalTo(LocalDate.now().toString()))
                .body("[0].allocatedBy", equalTo("hana.horizon"));

        await().atMost(Duration.ofSeconds(15)).until(() -> events.about(person).size() == 2);
        List<ConsumerRecord<String, String>> published = events.about(person);
        JsonNode accepted = CloudEventAssertions.assertInterlockEvent(published.get(0), PartnersEvents.REFERRAL_ACCEPTED, person);
        assertEquals(FIELDS, WhoActsContract.keys(accepted));
        assertEquals("mia.mentor", accepted.path("caseworker").asText());
        assertEquals("hana.horizon", accepted.path("answeredBy").asText());
        assertEquals("hana.horizon", TopicRecorder.header(published.get(0), "ce_recordedby"));
        JsonNode allocation = CloudEventAssertions.assertInterlockEvent(published.get(1), ALLOCATION_STARTED, person);
        assertEquals("hana.horizon", allocation.path("allocatedBy").asText());
        assertEquals("mia.mentor", allocation.path("staff").asText());
        assertEquals("hana.horizon", TopicRecorder.header(published.get(1), "ce_recordedby"));
    }

    @Test
    void decliningRecordsTheAnswerWithItsEventAndAllocatesNobody() {
        String person = PersonReference.random();
        String referral = opened(person);

        ServiceRequests.asGatewayFor(HANA).post("/api/v1/referrals/" + referral + "/decline").then().statusCode(200)
                .body("status", equalTo("DECLINED")).body("answeredBy", equalTo("hana.horizon"))
                .body("caseworker", nullValue());

        await().atMost(Duration.ofSeconds(15)).until(() -> events.about(person).size() == 1);
        JsonNode declined = CloudEventAssertions.assertInterlockEvent(events.about(person).get(0),
                PartnersEvents.REFERRAL_DECLINED, person);
        assertEquals(FIELDS, WhoActsContract.keys(declined));
        assertEquals(0, rows("SELECT count(*) FROM allocation WHERE person = '" + person + "'"));
    }

    @Test
    void answeringAReferralThatIsNoLongerOpenIs409AndRecordsNothing() {
        String person = PersonReference.random();
        String accepted = opened(person);
        ServiceRequests.asGatewayFor(HANA).body(Map.of("caseworker", "mia.mentor"))
                .post("/api/v1/referrals/" + accepted + "/accept").then().statusCode(200);
        String withdrawn = opened(person);
        deliver("probation", "withdrawn", withdrawn, person, HORIZON, HORIZON);
        awaitStatus(withdrawn, "WITHDRAWN");

        for (String referral : List.of(accepted, withdrawn)) {
            ServiceRequests.asGatewayFor(HANA).body(Map.of("caseworker", "fred.faith"))
                    .post("/api/v1/referrals/" + referral + "/accept").then().statusCode(409)
                    .contentType("application/problem+json").body("type", equalTo("urn:interlock:problem:conflict"));
            ServiceRequests.asGatewayFor(HANA).post("/api/v1/referrals/" + referral + "/decline").then().statusCode(409);
        }

        assertEquals(1, rows("SELECT count(*) FROM allocation WHERE person = '" + person + "'"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(15)).until(() -> events.about(person).size() == 2);
        ServiceRequests.asGateway().get("/api/v1/referrals/" + accepted).then().body("caseworker", equalTo("mia.mentor"));
    }

    @Test
    void aWithdrawalOrExpiryEndsAReferralOpenOrAcceptedButNotADeclinedOne() {
        String person = PersonReference.random();
        String open = opened(person);
        String accepted = opened(person);
        String declined = opened(person);
        ServiceRequests.asGatewayFor(HANA).body(Map.of("caseworker", "mia.mentor"))
                .post("/api/v1/referrals/" + accepted + "/accept").then().statusCode(200);
        ServiceRequests.asGatewayFor(HANA).post("/api/v1/referrals/" + declined + "/decline").then().statusCode(200);

        deliver("probation", "withdrawn", open, person, HORIZON, HORIZON);
        deliver("probation", "expired", accepted, person, HORIZON, HORIZON);
        deliver("probation", "withdrawn", declined, person, HORIZON, HORIZON);

        awaitStatus(open, "WITHDRAWN");
        awaitStatus(accepted, "EXPIRED");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() -> status(declined).equals("DECLINED"));
    }

    @Test
    void theCaseworkerAllocationEndsWithTheLastAcceptedReferralItServed() {
        String person = PersonReference.random();
        String first = opened(person);
        String second = opened(person);
        for (String referral : List.of(first, second)) {
            ServiceRequests.asGatewayFor(HANA).body(Map.of("caseworker", "mia.mentor"))
                    .post("/api/v1/referrals/" + referral + "/accept").then().statusCode(200);
        }

        deliver("probation", "withdrawn", first, person, HORIZON, HORIZON);
        awaitStatus(first, "WITHDRAWN");
        assertEquals(2, rows("SELECT count(*) FROM allocation WHERE person = '" + person + "' AND ends_on IS NULL"));

        deliver("probation", "expired", second, person, HORIZON, HORIZON);
        awaitStatus(second, "EXPIRED");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                rows("SELECT count(*) FROM allocation WHERE person = '" + person + "' AND ends_on IS NULL") == 0);
        await().atMost(Duration.ofSeconds(15)).until(() -> events.about(person).stream()
                .anyMatch(r -> TopicRecorder.header(r, "ce_type").equals("org.interlock.partners.allocation.ended.v1")));
    }

    @Test
    void aReferralCopyForAnotherOrganisationOrWithoutItsTermsIsDeadLetteredWithItsReason() {
        try (TopicRecorder deadLetters = new TopicRecorder("interlock.partners.deadletter")) {
            String person = PersonReference.random();
            String elsewhere = UUID.randomUUID().toString();
            deliver("prisons", "made", elsewhere, person, FAITH, HORIZON);
            String termless = UUID.randomUUID().toString();
            deliverData("prisons", "made", person, HORIZON, """
                    {"id":"%s","person":"%s","organisation":"%s","endsOn":"2027-01-01"}""".formatted(termless, person, HORIZON));
            String unknown = UUID.randomUUID().toString();
            deliver("prisons", "withdrawn", unknown, person, HORIZON, HORIZON);

            await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters.about(person).size() == 3);
            assertEquals(List.of("referral copy addressed to another organisation than its recipient",
                            "referral copy without purposes",
                            "referral copy that ends a referral the organisation was never made"),
                    deadLetters.about(person).stream().map(r -> TopicRecorder.header(r, "dead-letter-reason")).toList());
            assertEquals(0, rows("SELECT count(*) FROM partner_referral WHERE person = '" + person + "'"));
        }
    }

    @ParameterizedTest(name = "caseworker {0}")
    @ValueSource(strings = {"{}", "{\"caseworker\":\"Mia Mentor\"}", "{\"caseworker\":null}"})
    void anAcceptanceWithoutACaseworkerUsernameIs422AndRecordsNothing(String body) {
        String person = PersonReference.random();
        String referral = opened(person);

        ServiceRequests.asGatewayFor(HANA).body(body).post("/api/v1/referrals/" + referral + "/accept").then()
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:interlock:problem:validation-failed"))
                .body("errors.field", hasItem("caseworker"));

        assertEquals("OPEN", status(referral));
        assertEquals(0, rows("SELECT count(*) FROM allocation WHERE person = '" + person + "'"));
        assertEquals(0, rows("SELECT count(*) FROM outbox WHERE subject = '" + person + "'"));
    }

    @Test
    void withoutAPersonTheOrganisationsOwnReferralsAreListedAndNoOtherOrganisations() {
        String ours = opened(PersonReference.random());
        String theirs = UUID.randomUUID().toString();
        deliver("probation", "made", theirs, PersonReference.random(), FAITH, FAITH);
        awaitStatus(theirs, "OPEN");

        List<String> listed = ServiceRequests.asGateway().get("/api/v1/referrals?organisation=" + HORIZON).then()
                .statusCode(200).body("organisation", everyItem(equalTo(HORIZON)))
                .extract().jsonPath().getList("id", String.class);
        assertTrue(listed.contains(ours), listed.toString());
        assertFalse(listed.contains(theirs), listed.toString());
    }

    @Test
    void readingNeedsOneOrganisationAndAtMostOnePerson() {
        String person = PersonReference.random();
        ServiceRequests.asGateway().get("/api/v1/referrals?person=" + person).then().statusCode(422)
                .body("errors.field", hasItem("organisation"));
        ServiceRequests.asGateway().get("/api/v1/referrals?organisation=" + HORIZON + "&person=" + person
                + "&person=" + PersonReference.random()).then().statusCode(400)
                .body("type", equalTo("urn:interlock:problem:malformed-request"));
        ServiceRequests.asGateway().get("/api/v1/referrals?organisation=" + HORIZON + "&person=not-a-person").then()
                .statusCode(422).body("errors.field", hasItem("person"));
        ServiceRequests.asGateway().get("/api/v1/referrals?organisation=" + HORIZON + "&organisation=" + FAITH
                + "&person=" + person).then().statusCode(400)
                .body("type", equalTo("urn:interlock:problem:malformed-request"));
        ServiceRequests.asGateway().get("/api/v1/referrals?organisation=no-such-organisation&person=" + person).then()
                .statusCode(404);
        ServiceRequests.asGateway().get("/api/v1/referrals/" + UUID.randomUUID()).then().statusCode(404);
        ServiceRequests.asGatewayFor(HANA).post("/api/v1/referrals/" + UUID.randomUUID() + "/decline").then()
                .statusCode(404);
    }

    @Test
    void anAcceptedReferralAndItsCaseworkersAllocationAreOnTheStateTopicUntilTheReferrerWithdrawsIt() {
        String person = PersonReference.random();
        String referral = opened(person);
        String key = "partner.referral:" + referral;
        ServiceRequests.asGatewayFor(HANA).body(Map.of("caseworker", "mia.mentor"))
                .post("/api/v1/referrals/" + referral + "/accept").then().statusCode(200);
        String allocation = ServiceRequests.asGateway().get("/api/v1/allocations?person=" + person).then()
                .statusCode(200).extract().path("[0].id");

        await().atMost(Duration.ofSeconds(15)).until(() -> events.about(person).size() == 2
                && state.keyed(key).size() == 1 && state.keyed("allocation:" + allocation).size() == 1);
        StateTopicAssertions.assertStateIs(state.keyed(key).get(0), events.about(person).get(0), key);
        StateTopicAssertions.assertStateIs(state.keyed("allocation:" + allocation).get(0), events.about(person).get(1),
                "allocation:" + allocation);

        deliver("probation", "withdrawn", referral, person, HORIZON, HORIZON);
        awaitStatus(referral, "WITHDRAWN");
        await().atMost(Duration.ofSeconds(15)).until(() -> state.keyed(key).size() == 2);
        StateTopicAssertions.assertTombstone(state.keyed(key).get(1), key);
    }

    @Test
    void aDeclinedReferralLeavesOnlyATombstoneOnTheStateTopic() {
        String person = PersonReference.random();
        String referral = opened(person);
        String key = "partner.referral:" + referral;

        ServiceRequests.asGatewayFor(HANA).post("/api/v1/referrals/" + referral + "/decline").then().statusCode(200);

        await().atMost(Duration.ofSeconds(15)).until(() -> state.keyed(key).size() == 1);
        StateTopicAssertions.assertTombstone(state.keyed(key).get(0), key);
    }

    /** A referral made by probation to horizon-mentoring, held open here; returns its id. */
    private static String opened(String person) {
        String referral = UUID.randomUUID().toString();
        deliver("probation", "made", referral, person, HORIZON, HORIZON);
        awaitStatus(referral, "OPEN");
        return referral;
    }

    /** A copy of the origin's referral event as the exchange routes it; returns the source event id. */
    private static String deliver(String origin, String verb, String referral, String person, String organisation,
            String recipient) {
        return deliverData(origin, verb, person, recipient, """
                {"id":"%s","person":"%s","organisation":"%s","purposes":["resettlement"],
                 "categories":["custody.release","licence.*"],"reason":"Mentoring towards release","endsOn":"%s",
                 "referredBy":"peter.probation","status":"%s"}""".formatted(referral, person, organisation,
                LocalDate.now().plusMonths(6), switch (verb) {
                    case "made" -> "MADE";
                    case "withdrawn" -> "WITHDRAWN";
                    default -> "EXPIRED";
                }));
    }

    private static String deliverData(String origin, String verb, String person, String recipient, String data) {
        String source = UUID.randomUUID().toString();
        Map<String, String> headers = new HashMap<>(TopicWriter.cloudEventHeaders(UUID.randomUUID().toString(),
                "org.interlock." + origin + ".referral." + verb + ".v1", "/agencies/" + origin, person, "referral",
                "official"));
        headers.put("ce_recipient", recipient);
        headers.put("ce_sourceeventid", source);
        headers.put("ce_agreement", origin + "-referrals-to-partners");
        headers.put("ce_policyversion", "test-1");
        TopicWriter.send(INBOX, person, data, headers);
        return source;
    }

    private static void awaitStatus(String referral, String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> status.equals(status(referral)));
    }

    private static String status(String referral) {
        var response = ServiceRequests.asGateway().get("/api/v1/referrals/" + referral);
        return response.statusCode() == 200 ? response.path("status") : "none";
    }

    private static long rows(String query) {
        return TestDatabase.number("partners", query);
    }
}
