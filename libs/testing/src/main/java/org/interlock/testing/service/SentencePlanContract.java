package org.interlock.testing.service;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.interlock.contracts.Agency;
import org.interlock.contracts.PersonReference;
import org.interlock.testing.ServiceRequests;
import org.interlock.testing.TestActor;
import org.interlock.testing.TestDatabase;
import org.interlock.testing.TopicRecorder;
import org.interlock.testing.TopicWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sentence plans as a service that holds them revises them (prisons, probation: libs/agency-service's
 * plan feature, ADR 0016): only the person's allocated lead revises, each revision the next version
 * with its reason and the verified actor as who revised; bad input and unknown responsibles are
 * problems that record nothing; an organisation responsible for objectives is given those and
 * nothing else of the plan. A service's test extends it as a {@code @QuarkusTest} with
 * {@code KafkaPostgresResource}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SentencePlanContract {

    protected static final ObjectMapper JSON = new ObjectMapper();
    protected static final String HORIZON = "horizon-mentoring";
    private static final String PLANS = "/api/v1/sentence-plans";

    protected TopicRecorder events;

    protected abstract Agency agency();

    /** The person's lead in this agency (offender manager, probation practitioner), once allocated. */
    protected abstract TestActor lead();

    /** The allocation role that makes {@link #lead()} the person's lead here. */
    protected abstract String leadRole();

    /** Puts the person in this agency's care: in custody, under supervision. */
    protected abstract void inCare(String person);

    @BeforeAll
    public void startRecording() {
        events = new TopicRecorder("interlock." + agency().id() + ".events");
    }

    @AfterAll
    public void stopRecording() {
        events.close();
    }

    @Test
    void eachRevisionIsTheNextVersionWithItsReasonAndNamesTheActorNeverTheBody() throws Exception {
        String person = ledPerson();
        Map<String, Object> first = body(person, "Initial plan after reception.", List.of(objective(null, agencyOnly())));
        first.put("revisedBy", "someone.else");
        String plan = revise(first).then().statusCode(201)
                .body("version", equalTo(1)).body("previous", nullValue()).body("owner", equalTo(agency().id()))
                .body("revisedBy", equalTo(lead().username())).extract().path("id");
        String kept = revise(first).then().statusCode(201).body("id", equalTo(plan)).body("version", equalTo(2))
                .body("previous", equalTo(1)).extract().path("objectives[0].id");

        revise(body(person, "Adapted after the review.", List.of(objective(kept, agencyOnly()),
                objective(null, agencyOnly())))).then().statusCode(201)
                .body("version", equalTo(3)).body("objectives[0].id", equalTo(kept))
                .body("reason", equalTo("Adapted after the review."));

        ServiceRequests.asGateway().queryParam("person", person).get(PLANS).then().statusCode(200)
                .body("version", equalTo(List.of(1, 2, 3))).body("reason[2]", equalTo("Adapted after the review."));
        List<JsonNode> revised = awaitPublished(person, "revised", 3);
        assertEquals(List.of("1", "2", "3"), revised.stream().map(e -> e.path("version").asText()).toList());
        assertEquals(lead().username(), revised.get(2).path("revisedBy").asText());
    }

    static Stream<Arguments> badRevisions() {
        return Stream.of(
                Arguments.of("no reason", without("reason"), "reason"),
                Arguments.of("a blank reason", with("reason", "  "), "reason"),
                Arguments.of("no objectives", with("objectives", List.of()), "objectives"),
                Arguments.of("objectives missing", without("objectives"), "objectives"),
                Arguments.of("a partner organisation as an agency", objectiveWith(Map.of("agency", "partners")),
                        "objectives[0].responsible.agency"),
                Arguments.of("both an agency and an organisation", objectiveWith(Map.of("agency", "prisons",
                        "organisation", HORIZON)), "objectives[0].responsible"),
                Arguments.of("an organisation that accepted no referral", objectiveWith(Map.of("organisation",
                        "faith-bridge")), "objectives[0].responsible.organisation"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRevisions")
    void aBadRevisionIs422NamingTheFieldAndRecordsNothing(String name,
            Function<Map<String, Object>, Map<String, Object>> change, String field) {
        String person = ledPerson();
        revise(change.apply(body(person, "Reviewed.", List.of(objective(null, agencyOnly()))))).then().statusCode(422)
                .body("type", equalTo("urn:interlock:problem:validation-failed"))
                .body("errors[0].field", equalTo(field));
        assertNothingRecorded(person);
    }

    @Test
    void namingStaffNotAllocatedToThePersonHereIs422AndRecordsNothing() {
        String person = ledPerson();
        revise(body(person, "Reviewed.", List.of(objective(null, Map.of("agency", agency().id(), "staff", "not.allocated")))))
                .then().statusCode(422).body("errors[0].field", equalTo("objectives[0].responsible.staff"));
        assertNothingRecorded(person);
    }

    @Test
    void onlyTheAllocatedLeadRevisesAndAnyoneElseIs403RecordingNothing() {
        String person = ledPerson();
        String elsewhere = ledPerson();
        TestActor insider = TestActor.of("ivy.insider", agency().id(), null, "team-manager", lead().roles().getFirst());
        Map<String, Object> body = body(person, "Reviewed.", List.of(objective(null,
                Map.of("agency", agency().id(), "staff", lead().username()))));
        ServiceRequests.asGatewayFor(insider).body(body).post(PLANS).then().statusCode(403)
                .body("type", equalTo("urn:interlock:problem:forbidden"));
        String allocation = allocation(person);
        ServiceRequests.asGateway().body(Map.of("endsOn", LocalDate.now().toString()))
                .post("/api/v1/allocations/" + allocation + "/end").then().statusCode(200);
        revise(body).then().statusCode(403);
        assertNothingRecorded(person);
        revise(body(elsewhere, "Reviewed.", List.of(objective(null, agencyOnly())))).then().statusCode(201);
    }

    @Test
    void aPersonNotInThisAgencysCareHasNoPlanHere() {
        String person = PersonReference.random();
        allocate(person, lead().username());
        revise(body(person, "Reviewed.", List.of(objective(null, agencyOnly())))).then().statusCode(422)
                .body("type", equalTo("urn:interlock:problem:unknown-person"));
        assertNothingRecorded(person);
    }

    @Test
    void anOrganisationResponsibleForObjectivesIsGivenThoseAndNothingElseOfThePlan() throws Exception {
        String person = ledPerson();
        acceptedReferral(person, HORIZON);
        Map<String, Object> mentoring = objective(null, Map.of("organisation", HORIZON, "staff", "mia.mentor"));
        revise(body(person, "Mentoring for resettlement.", List.of(objective(null, agencyOnly()), mentoring)))
                .then().statusCode(201);
        revise(body(person, "Mentoring for resettlement.", List.of(objective(null,
                Map.of("organisation", HORIZON, "staff", "hana.horizon"))))).then().statusCode(422)
                .body("errors[0].field", equalTo("objectives[0].responsible.staff"));

        JsonNode given = awaitPublished(person, "objectives-assigned", 1).getFirst();
        assertEquals(List.of("id", "objectives", "organisation", "person", "version"), fieldNames(given));
        assertEquals(HORIZON, given.path("organisation").asText());
        assertEquals(1, given.path("objectives").size(), "only the objective the organisation is responsible for");
        assertEquals("mia.mentor", given.path("objectives").get(0).path("responsible").path("staff").asText());
        assertEquals("plan.objectives", TopicRecorder.header(published(person, "objectives-assigned").getFirst(),
                "ce_category"));

        revise(body(person, "Mentoring ended.", List.of(objective(null, agencyOnly())))).then().statusCode(201);
        JsonNode withdrawn = awaitPublished(person, "objectives-assigned", 2).get(1);
        assertEquals(List.of(2, 0), List.of(withdrawn.path("version").asInt(), withdrawn.path("objectives").size()),
                "an organisation no longer responsible is told it has no objectives left");
    }

    // --- helpers, public for the services' own tests of what only they do

    /** A person in this agency's care with {@link #lead()} allocated as their lead. */
    public String ledPerson() {
        String person = PersonReference.random();
        inCare(person);
        allocate(person, lead().username());
        return person;
    }

    public void allocate(String person, String staff) {
        ServiceRequests.asGateway().body(Map.of("person", person, "staff", staff, "role", leadRole(),
                "startsOn", LocalDate.now().toString())).post("/api/v1/allocations").then().statusCode(201);
    }

    public Response revise(Map<String, Object> body) {
        return ServiceRequests.asGatewayFor(lead()).body(body).post(PLANS);
    }

    public static Map<String, Object> body(String person, String reason, List<Map<String, Object>> objectives) {
        return new HashMap<>(Map.of("person", person, "reason", reason, "objectives", objectives));
    }

    public static Map<String, Object> objective(String id, Map<String, Object> responsible) {
        Map<String, Object> objective = new HashMap<>(Map.of("description", "Complete the identity programme",
                "targetDate", LocalDate.now().plusMonths(4).toString(), "responsible", responsible,
                "interventions", List.of(Map.of("type", "identity-programme"))));
        if (id != null) {
            objective.put("id", id);
        }
        return objective;
    }

    public Map<String, Object> agencyOnly() {
        return Map.of("agency", agency().id());
    }

    public void assertNothingRecorded(String person) {
        assertEquals(0, TestDatabase.number(agency().id(),
                "SELECT count(*) FROM sentence_plan_revision WHERE person = '" + person + "'"));
        assertEquals(0, TestDatabase.number(agency().id(),
                "SELECT count(*) FROM outbox WHERE subject = '" + person + "' AND type LIKE '%.sentence-plan.%'"));
    }

    /** The organisation's acceptance of a referral by this agency, as the exchange copies it to the inbox. */
    public void acceptedReferral(String person, String organisation) {
        String referral = ServiceRequests.asGatewayFor(lead()).body(Map.of("person", person, "organisation", organisation,
                "purposes", List.of("resettlement"), "categories", List.of("plan.objectives"), "reason", "Mentoring",
                "endsOn", LocalDate.now().plusMonths(6).toString())).post("/api/v1/referrals").then().statusCode(201)
                .extract().path("id");
        Map<String, String> headers = new HashMap<>(TopicWriter.cloudEventHeaders(UUID.randomUUID().toString(),
                "org.interlock.partners.referral.accepted.v1", "/agencies/partners", person, "partner.referral",
                "official"));
        headers.put("ce_recipient", agency().id());
        TopicWriter.send("interlock.inbox." + agency().id(), person, """
                {"id":"%s","person":"%s","organisation":"%s","origin":"%s","purposes":["resettlement"],
                 "categories":["plan.objectives"],"endsOn":"%s","status":"ACCEPTED","caseworker":"mia.mentor",
                 "answeredBy":"hana.horizon","answeredOn":"%s"}""".formatted(referral, person, organisation,
                agency().id(), LocalDate.now().plusMonths(6), LocalDate.now()), headers);
        await().atMost(Duration.ofSeconds(20)).until(() -> "ACCEPTED".equals(ServiceRequests.asGateway()
                .get("/api/v1/referrals/" + referral).then().extract().path("status")));
    }

    public List<ConsumerRecord<String, String>> published(String person, String verb) {
        String type = "org.interlock." + agency().id() + ".sentence-plan." + verb + ".v1";
        return events.about(person).stream().filter(r -> type.equals(TopicRecorder.header(r, "ce_type"))).toList();
    }

    public List<JsonNode> awaitPublished(String person, String verb, int count) throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> published(person, verb).size() >= count);
        List<JsonNode> data = new ArrayList<>();
        for (ConsumerRecord<String, String> record : published(person, verb)) {
            data.add(JSON.readTree(record.value()));
        }
        assertEquals(count, data.size(), "exactly " + count + " " + verb + " events");
        return data;
    }

    private String allocation(String person) {
        return ServiceRequests.asGateway().queryParam("person", person).get("/api/v1/allocations").then()
                .statusCode(200).extract().path("[0].id");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names.stream().sorted().toList();
    }

    private static Function<Map<String, Object>, Map<String, Object>> without(String field) {
        return body -> {
            Map<String, Object> changed = new HashMap<>(body);
            changed.remove(field);
            return changed;
        };
    }

    private static Function<Map<String, Object>, Map<String, Object>> with(String field, Object value) {
        return body -> {
            Map<String, Object> changed = new HashMap<>(body);
            changed.put(field, value);
            return changed;
        };
    }

    private static Function<Map<String, Object>, Map<String, Object>> objectiveWith(
            Map<String, Object> responsible) {
        return body -> with("objectives", List.of(objective(null, responsible))).apply(body);
    }
}
