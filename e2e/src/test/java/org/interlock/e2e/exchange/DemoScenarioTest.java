package org.interlock.e2e.exchange;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.interlock.stack.demo.DemoScenario;
import org.interlock.testing.TestKeycloak;
import org.interlock.testing.TestStack;
import org.interlock.testing.TopicRecorder;
import org.junit.jupiter.api.Test;

/**
 * The README's demo scenario against the running system (real Kafka, PostgreSQL and Keycloak, every
 * application as a process): what each inbox holds about the person afterwards, exactly, and the
 * audit trail of it.
 */
class DemoScenarioTest {

    private static final Duration EXCHANGED = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RELEASE = "org.interlock.prisons.custody.release-date-set.v1";
    private static final String CONDITION = "org.interlock.probation.licence-condition.imposed.v1";
    private static final String ERASURE = "org.interlock.gateway.erasure.requested.v1";

    @Test
    void eachAgencyAndOrganisationReceivesExactlyWhatItIsEntitledTo() throws Exception {
        String gateway = TestStack.shared().gatewayUrl();
        try (TopicRecorder probation = new TopicRecorder("interlock.inbox.probation");
                TopicRecorder prisons = new TopicRecorder("interlock.inbox.prisons");
                TopicRecorder intelligence = new TopicRecorder("interlock.inbox.intelligence");
                TopicRecorder partners = new TopicRecorder("interlock.inbox.partners")) {
            DemoScenario scenario = new DemoScenario(gateway, TestKeycloak.shared().url());
            DemoScenario.Outcome demo = scenario.run();
            String person = demo.person();
            await().atMost(EXCHANGED).until(() -> partners.about(person).size() == 2);

            assertEquals(Set.of("org.interlock.prisons.custody.received.v1",
                    "org.interlock.prisons.custody.security-category-set.v1",
                    "org.interlock.prisons.risk-assessment.recorded.v1", RELEASE), types(probation.about(person)));
            await().atMost(EXCHANGED).until(() -> prisons.about(person).size() == 2);
            assertEquals(Set.of("org.interlock.probation.supervision-case.opened.v1", CONDITION),
                    types(prisons.about(person)));
            assertTrue(intelligence.about(person).isEmpty(), "intelligence's inbox: nothing (analysts read, not receive)");
            for (TopicRecorder inbox : List.of(probation, prisons, partners)) {
                assertFalse(inbox.about(person).stream().anyMatch(r -> r.value().contains("proscribed")),
                        "the report under handling code C goes nowhere");
            }

            ConsumerRecord<String, String> release = only(partners.about(person), RELEASE);
            assertEquals("horizon-mentoring", TopicRecorder.header(release, "ce_recipient"));
            assertEquals(new TreeSet<>(List.of("person", "releaseDate", "releasedOn", "status")), fields(release));
            ConsumerRecord<String, String> condition = only(partners.about(person), CONDITION);
            assertEquals(new TreeSet<>(List.of("endsOn", "kind", "person", "startsOn")), fields(condition));
            assertFalse(condition.value().contains("EZ-14"), "the exclusion zone's details stay with probation");
            assertTrue(partners.about(person).stream().allMatch(r ->
                    "horizon-mentoring".equals(TopicRecorder.header(r, "ce_recipient"))), "faith-bridge receives nothing");

            scenario.withdrawConsent(demo);
            await().atMost(EXCHANGED).until(() -> partners.about(person).size() == 3);
            ConsumerRecord<String, String> notice = only(partners.about(person), ERASURE);
            JsonNode data = JSON.readTree(notice.value());
            assertEquals(Set.of(TopicRecorder.header(release, "ce_sourceeventid"),
                    TopicRecorder.header(condition, "ce_sourceeventid")), strings(data.path("events")));
            assertEquals(demo.consent(), data.path("consent").asText());

            AuditorView auditor = new AuditorView(gateway);
            await().atMost(EXCHANGED).until(() -> auditor.records(person, "ERASURE_CONFIRMED").size() == 1);
            JsonNode confirmed = auditor.records(person, "ERASURE_CONFIRMED").get(0).path("record");
            assertEquals("erased:2", confirmed.path("decision").path("reason").asText());
            assertEquals("horizon-mentoring", confirmed.path("actor").path("org").asText());
            List<String> permits = new java.util.ArrayList<>();
            for (JsonNode routed : auditor.records(person, "ROUTE_EVENT")) {
                JsonNode record = routed.path("record");
                String recipient = record.path("actor").path("org").asText(record.path("actor").path("agency").asText());
                String type = record.path("resource").path("type").asText();
                if (record.path("decision").path("outcome").asText().equals("PERMIT")) {
                    permits.add(recipient + " " + type);
                } else {
                    // The only refusals worth recording here: the report, to each partner organisation.
                    assertEquals("org.interlock.intelligence.report.filed.v1 EXPLICIT_DENY",
                            type + " " + record.path("decision").path("reason").asText());
                }
            }
            assertEquals(List.of(
                    "horizon-mentoring " + CONDITION,
                    "horizon-mentoring " + RELEASE,
                    "prisons " + CONDITION,
                    "prisons org.interlock.probation.supervision-case.opened.v1",
                    "probation org.interlock.prisons.custody.received.v1",
                    "probation org.interlock.prisons.custody.security-category-set.v1",
                    "probation " + RELEASE,
                    "probation org.interlock.prisons.risk-assessment.recorded.v1").stream().sorted().toList(),
                    permits.stream().sorted().toList(), "one record per copy");
        }
    }

    private static ConsumerRecord<String, String> only(List<ConsumerRecord<String, String>> records, String type) {
        List<ConsumerRecord<String, String>> ofType = records.stream()
                .filter(r -> type.equals(TopicRecorder.header(r, "ce_type"))).toList();
        assertEquals(1, ofType.size(), type);
        return ofType.getFirst();
    }

    private static Set<String> types(List<ConsumerRecord<String, String>> records) {
        List<String> types = records.stream().map(r -> TopicRecorder.header(r, "ce_type")).toList();
        assertEquals(types.size(), new TreeSet<>(types).size(), "no copy twice: " + types);
        return new TreeSet<>(types);
    }

    private static Set<String> fields(ConsumerRecord<String, String> record) throws Exception {
        Set<String> names = new TreeSet<>();
        JSON.readTree(record.value()).fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** The auditor persona's view of the audit trail. */
    private record AuditorView(String gateway) {
        JsonNode records(String person, String action) throws Exception {
            var client = java.net.http.HttpClient.newHttpClient();
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(gateway + "/audit/v1/records?person="
                    + person + "&action=" + action)).header("Authorization", "Bearer "
                    + org.interlock.testing.KeycloakTokens.accessToken("aud.auditor")).build();
            return JSON.readTree(client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body())
                    .path("records");
        }
    }

}
