package org.interlock.gateway.exchange;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.interlock.contracts.PersonReference;
import org.interlock.gateway.caseload.AllocationCaseload;
import org.interlock.gateway.enforcement.UpstreamStub;
import org.interlock.testing.AgencyTopics;
import org.interlock.testing.GatewayResource;
import org.interlock.testing.TopicRecorder;
import org.interlock.testing.TopicWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Review triggers on the exchange's stream (ADR 0015), against real Kafka and PostgreSQL: a rule's
 * firing reaches the inbox of the agency whose practitioner leads the case, naming the rule and
 * the events, and is audited; one the policy would not let that inbox hear of is withheld, and the
 * refusal audited.
 */
@QuarkusTest
@TestProfile(TriggersProfile.class)
@QuarkusTestResource(GatewayResource.class)
@QuarkusTestResource(UpstreamStub.class)
class ReviewTriggersTest {

    private static final Duration FIRED = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TopicRecorder probation;

    @Inject
    AllocationCaseload caseload;

    @BeforeAll
    static void recordInbox() {
        probation = new TopicRecorder("interlock.inbox.probation");
        AgencyTopics.organisation("horizon-mentoring", "ACTIVE", "registered");
    }

    @AfterAll
    static void stop() {
        probation.close();
    }

    @Test
    void aConcernAndAMissedAppointmentTellTheLeadsAgencyWhichRuleFiredAndOnWhichEvents() throws Exception {
        String person = ledByPeter();
        String concern = concern(person);
        String missed = missedAppointment(person);

        ConsumerRecord<String, String> notice = awaitNotice(person);
        JsonNode data = JSON.readTree(notice.value());
        assertEquals(List.of("concern-and-missed-appointment", person, "[\"peter.probation\"]"),
                List.of(data.path("rule").asText(), data.path("person").asText(), data.path("addressees").toString()));
        assertEquals(JSON.valueToTree(List.of(concern, missed)), data.path("events"));
        assertEquals("probation", TopicRecorder.header(notice, "ce_recipient"));
        ExchangeAudit.about(person, "REVIEW_TRIGGER")
                .body("records.size()", equalTo(1))
                .body("records[0].record.decision.outcome", equalTo("PERMIT"))
                .body("records[0].record.actor.agency", equalTo("probation"));
    }

    @Test
    void aFiringOnAReportProbationMayNotReceiveIsWithheldAndTheRefusalAudited() {
        String withheld = ledByPeter();
        AgencyTopics.report(withheld, "C");
        missedAppointment(withheld);
        String told = ledByPeter();
        AgencyTopics.report(told, "P");
        missedAppointment(told);

        awaitNotice(told);
        await().atMost(FIRED).untilAsserted(() -> ExchangeAudit.about(withheld, "REVIEW_TRIGGER")
                .body("records.size()", equalTo(1))
                .body("records[0].record.decision.outcome", equalTo("DENY"))
                .body("records[0].record.decision.reason", equalTo("withheld:report-and-missed-appointment")));
        assertEquals(List.of(), notices(withheld), "nothing reaches probation's inbox");
    }

    private String ledByPeter() {
        String person = PersonReference.random();
        AgencyTopics.allocation("probation", "peter.probation", person);
        await().atMost(FIRED).until(() -> caseload.statutoryLeads(person).contains("peter.probation"));
        return person;
    }

    private static String concern(String person) {
        String id = UUID.randomUUID().toString();
        TopicWriter.send(AgencyTopics.PARTNERS_EVENTS, person, """
                {"id":"%s","person":"%s","organisation":"horizon-mentoring","kind":"CONCERN_RAISED",
                 "occurredOn":"2026-12-01","reportedBy":"mia.mentor","notes":null}"""
                .formatted(UUID.randomUUID(), person), TopicWriter.cloudEventHeaders(id,
                        "org.interlock.partners.activity.concern-raised.v1", "/agencies/partners", person,
                        "partner.concern", "official-sensitive"));
        return id;
    }

    private static String missedAppointment(String person) {
        String id = UUID.randomUUID().toString();
        TopicWriter.send("interlock.probation.events", person, """
                {"id":"%s","caseId":"%s","person":"%s","dueAt":"2026-12-02T10:00:00Z","outcome":"MISSED_UNACCEPTABLE"}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), person), TopicWriter.cloudEventHeaders(id,
                        "org.interlock.probation.appointment.recorded.v1", "/agencies/probation", person,
                        "supervision.appointment", "official-sensitive"));
        return id;
    }

    private static ConsumerRecord<String, String> awaitNotice(String person) {
        await().atMost(FIRED).until(() -> notices(person).size() == 1);
        return notices(person).getFirst();
    }

    private static List<ConsumerRecord<String, String>> notices(String person) {
        return probation.about(person).stream()
                .filter(r -> ReviewTriggers.FIRED.equals(TopicRecorder.header(r, "ce_type"))).toList();
    }
}
