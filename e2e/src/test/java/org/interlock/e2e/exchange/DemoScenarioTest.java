package org.interlock.e2e.exchange;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.interlock.e2e.gateway.Auditor;
import org.interlock.stack.demo.DemoScenario;
import org.interlock.testing.TestKeycloak;
import org.interlock.testing.TestStack;
import org.interlock.testing.TopicRecorder;
import org.junit.jupiter.api.Test;

/**
 * The README's demo scenario against the running system (real Kafka, PostgreSQL and Keycloak, every
 * application as a process), played by the same code as {@code deploy/stack demo}: what each inbox
 * holds about the person afterwards, exactly — the referral to horizon-mentoring and its acceptance
 * back to probation, the release and the licence condition as the mentors' projections, the
 * erasure notice after the withdrawal — and the audit trail of every copy.
 */
class DemoScenarioTest {

    private static final Duration EXCHANGED = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RECEIVED = "org.interlock.prisons.custody.received.v1";
    private static final String SECURITY = "org.interlock.prisons.custody.security-category-set.v1";
    private static final String ASSESSMENT = "org.interlock.prisons.risk-assessment.recorded.v1";
    private static final String RELEASE = "org.interlock.prisons.custody.release-date-set.v1";
    private static final String REFERRAL = "org.interlock.probation.referral.made.v1";
    private static final String ACCEPTED = "org.interlock.partners.referral.accepted.v1";
    private static final String CASE_OPENED = "org.interlock.probation.supervision-case.opened.v1";
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
            await().atMost(EXCHANGED).until(() -> partners.about(person).size() == 3
                    && probation.about(person).size() == 5 && prisons.about(person).size() == 3);

            assertEquals(Set.of(RECEIVED, SECURITY, ASSESSMENT, RELEASE, ACCEPTED), types(probation.about(person)));
            // The starter policy's partners-referral-answers-to-prisons gives prisons every answer to a
            // referral, whoever made it (its description says: to the prison that made it).
            assertEquals(Set.of(ACCEPTED, CASE_OPENED, CONDITION), types(prisons.about(person)));
            assertEquals(Set.of(REFERRAL, RELEASE, CONDITION), types(partners.about(person)));
            assertEquals(List.of(), intelligence.about(person), "intelligence's inbox: nothing (analysts read, not receive)");
            for (TopicRecorder inbox : List.of(probation, prisons, partners)) {
                assertFalse(inbox.about(person).stream().anyMatch(r -> r.value().contains("proscribed")),
                        "the report under handling code C goes nowhere");
            }

            ConsumerRecord<String, String> referral = only(partners.about(person), REFERRAL);
            assertEquals(Map.of("recipient", "horizon-mentoring", "agreement", "probation-referrals-to-the-organisation"),
                    routing(referral));
            assertEquals(new TreeSet<>(List.of("categories", "endsOn", "id", "organisation", "person", "purposes",
                    "reason", "referredBy", "status")), fields(referral));
            assertEquals(demo.referral(), JSON.readTree(referral.value()).path("id").asText());
            ConsumerRecord<String, String> accepted = only(probation.about(person), ACCEPTED);
            JsonNode answer = JSON.readTree(accepted.value());
            assertEquals(List.of(demo.referral(), "ACCEPTED", "mia.mentor", "hana.horizon"), List.of(
                    answer.path("id").asText(), answer.path("status").asText(), answer.path("caseworker").asText(),
                    answer.path("answeredBy").asText()));

            ConsumerRecord<String, String> release = only(partners.about(person), RELEASE);
            assertEquals(Map.of("recipient", "horizon-mentoring", "agreement", "prisons-release-to-horizon-mentoring"),
                    routing(release));
            assertEquals("official", TopicRecorder.header(release, "ce_classification"));
            assertEquals(new TreeSet<>(List.of("person", "releaseDate", "releasedOn", "status")), fields(release));
            ConsumerRecord<String, String> condition = only(partners.about(person), CONDITION);
            assertEquals(Map.of("recipient", "horizon-mentoring", "agreement", "probation-licence-to-horizon-mentoring"),
                    routing(condition));
            assertEquals(new TreeSet<>(List.of("endsOn", "kind", "person", "startsOn")), fields(condition));
            assertFalse(condition.value().contains("EZ-14"), "the exclusion zone's details stay with probation");

            scenario.withdrawConsent(demo);
            await().atMost(EXCHANGED).until(() -> partners.about(person).size() == 4);
            ConsumerRecord<String, String> notice = only(partners.about(person), ERASURE);
            assertEquals("horizon-mentoring", TopicRecorder.header(notice, "ce_recipient"));
            JsonNode data = JSON.readTree(notice.value());
            assertEquals(Set.of(TopicRecorder.header(release, "ce_sourceeventid"),
                    TopicRecorder.header(condition, "ce_sourceeventid")), strings(data.path("events")),
                    "the copies received under the consent, not the referral");
            assertEquals(demo.consent(), data.path("consent").asText());

            Auditor auditor = new Auditor(gateway);
            await().atMost(EXCHANGED).until(() -> auditor.records("person=" + person + "&action=ERASURE_CONFIRMED")
                    .size() == 1);
            Auditor.Entry confirmed = auditor.records("person=" + person + "&action=ERASURE_CONFIRMED").getFirst();
            assertEquals("ERASURE_CONFIRMED horizon-mentoring PERMIT erased:2", confirmed.summary());
            assertEquals(List.of(
                    "horizon-mentoring " + CONDITION,
                    "horizon-mentoring " + RELEASE,
                    "horizon-mentoring " + REFERRAL,
                    "prisons " + ACCEPTED,
                    "prisons " + CONDITION,
                    "prisons " + CASE_OPENED,
                    "probation " + ACCEPTED,
                    "probation " + RECEIVED,
                    "probation " + SECURITY,
                    "probation " + RELEASE,
                    "probation " + ASSESSMENT).stream().sorted().toList(), routed(auditor, person, "PERMIT"),
                    "one record per copy");
            assertEquals(Set.of("org.interlock.intelligence.report.filed.v1 EXPLICIT_DENY"),
                    new TreeSet<>(routedRefusals(auditor, person)),
                    "the only refusals worth recording: the report, to each partner organisation");

            // The last chapters fail unless the invited intelligence officer reads the pack and the
            // action reaches Horizon Mentoring, the trigger fires to probation (as the auditor sees
            // it), peter's review assessment answers it and his plan revision is recorded, and the
            // confirmed link lets olivia read probation's earlier record.
            scenario.convene(demo);
            scenario.fireReviewTrigger(demo);
            scenario.linkEarlierRecord(demo);
        }
    }

    /** "recipient type" of each ROUTE_EVENT record about the person with this outcome, sorted. */
    private static List<String> routed(Auditor auditor, String person, String outcome) {
        List<String> routed = new ArrayList<>();
        for (Auditor.Entry entry : auditor.records("person=" + person + "&action=ROUTE_EVENT")) {
            if (entry.outcome().equals(outcome)) {
                routed.add(entry.actor() + " " + entry.record().path("resource").path("type").asText());
            }
        }
        return routed.stream().sorted().toList();
    }

    private static List<String> routedRefusals(Auditor auditor, String person) {
        return auditor.records("person=" + person + "&action=ROUTE_EVENT&outcome=deny").stream()
                .map(entry -> entry.record().path("resource").path("type").asText() + " " + entry.reason()).toList();
    }

    /** The copy's routing attributes: to whom, under which agreement. */
    private static Map<String, String> routing(ConsumerRecord<String, String> record) {
        Map<String, String> routing = new TreeMap<>();
        routing.put("recipient", TopicRecorder.header(record, "ce_recipient"));
        routing.put("agreement", TopicRecorder.header(record, "ce_agreement"));
        return routing;
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
}
