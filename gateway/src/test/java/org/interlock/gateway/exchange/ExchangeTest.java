package org.interlock.gateway.exchange;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.interlock.contracts.PersonReference;
import org.interlock.gateway.organisations.OrganisationDirectory;
import org.interlock.gateway.referrals.Referred;
import org.interlock.testing.AgencyTopics;
import org.interlock.testing.GatewayResource;
import org.interlock.testing.TopicRecorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The exchange against real Kafka and PostgreSQL: each agency event reaches exactly the inboxes
 * entitled to it, as the agreement releases it, with one audit record per disclosure; an
 * organisation's inbox receives only inside an accepted referral; a consent's end stops disclosure
 * under it and sends the recipient an erasure notice of what it received.
 */
@QuarkusTest
@TestProfile(ExchangeProfile.class)
@QuarkusTestResource(GatewayResource.class)
class ExchangeTest {

    private static final Duration ROUTED = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    static TopicRecorder probation;
    static TopicRecorder partners;
    static TopicRecorder prisons;
    static TopicRecorder intelligence;

    @BeforeAll
    static void recordInboxes() {
        probation = new TopicRecorder("interlock.inbox.probation");
        partners = new TopicRecorder("interlock.inbox.partners");
        prisons = new TopicRecorder("interlock.inbox.prisons");
        intelligence = new TopicRecorder("interlock.inbox.intelligence");
        AgencyTopics.organisation("horizon-mentoring", "ACTIVE", "registered");
        AgencyTopics.organisation("faith-bridge", "ACTIVE", "registered");
    }

    @Inject
    OrganisationDirectory directory;

    @Inject
    org.interlock.gateway.consent.ConsentCache consentCache;

    /** The organisations are known to the exchange before any event of a test is written. */
    @org.junit.jupiter.api.BeforeEach
    void organisationsKnown() {
        await().atMost(ROUTED).until(() -> directory.isActive("horizon-mentoring") && directory.isActive("faith-bridge"));
    }

    /**
     * The person referred to the organisation (releases, for resettlement) and the referral
     * accepted, as the gateway has read it: without one, an organisation's inbox receives nothing.
     */
    private static void referred(String person, String organisation) {
        Referred.accepted(person, organisation, AgencyTopics.partnerManagerOf(organisation), List.of("custody.release"),
                List.of("resettlement"));
    }

    /** A consent the gateway has read (the services' commit-to-gateway lag is not what these tests are about). */
    private String consented(String person, String organisation) {
        String consent = AgencyTopics.consent(person, organisation);
        await().atMost(ROUTED).until(() -> consentCache.activeConsent(person, organisation, "custody.release",
                "resettlement", java.time.Instant.now()).isPresent());
        return consent;
    }

    @AfterAll
    static void closeInboxes() {
        List.of(probation, partners, prisons, intelligence).forEach(TopicRecorder::close);
    }

    @Test
    void aReleaseDateReachesProbationWholeAndTheConsentedMentorAsItsProjection() throws Exception {
        String person = PersonReference.random();
        referred(person, "horizon-mentoring");
        String consent = consented(person, "horizon-mentoring");
        String source = AgencyTopics.releaseDateSet(person, UUID.randomUUID().toString());

        await().atMost(ROUTED).until(() -> copies(probation, person).size() == 1 && copies(partners, person).size() == 1);
        // Probation's agreement releases the whole event: the release facts, nothing of the episode's other categories.
        ConsumerRecord<String, String> whole = copies(probation, person).getFirst();
        assertEquals(List.of("id", "person", "releaseDate", "releasedOn", "status"), keys(JSON.readTree(whole.value())));
        assertEquals(source, TopicRecorder.header(whole, "ce_sourceeventid"));
        assertEquals("prisons-to-probation-custody", TopicRecorder.header(whole, "ce_agreement"));
        assertEquals("org.interlock.prisons.custody.release-date-set.v1", TopicRecorder.header(whole, "ce_type"));

        ConsumerRecord<String, String> projected = copies(partners, person).getFirst();
        JsonNode released = JSON.readTree(projected.value());
        assertEquals(List.of("person", "releaseDate", "releasedOn", "status"), keys(released));
        assertEquals("2026-12-01", released.path("releaseDate").asText());
        assertEquals(person, released.path("person").asText());
        assertEquals("horizon-mentoring", TopicRecorder.header(projected, "ce_recipient"));
        assertEquals(consent, TopicRecorder.header(projected, "ce_consent"));
        assertEquals("official", TopicRecorder.header(projected, "ce_classification"));
        assertFalse(projected.value().contains("HMP Frankland"));

        assertTrue(copies(prisons, person).isEmpty() && copies(intelligence, person).isEmpty());
        ExchangeAudit.routedAbout(person)
                .body("records.findAll { it.record.resource.category == 'custody.release' }", hasSize(2))
                .body("records.findAll { it.record.resource.category == 'custody.release' }.record.actor.org",
                        org.hamcrest.Matchers.hasItems("horizon-mentoring"))
                .body("records.findAll { it.record.resource.category == 'custody.release' }.record.resource.id",
                        org.hamcrest.Matchers.everyItem(equalTo(source)));
    }

    @Test
    void aReportUnderHandlingCodeCGoesNowhereWhereTheSameReportUnderPTravels() throws Exception {
        String person = PersonReference.random();
        AgencyTopics.report(person, "C");
        String permitted = AgencyTopics.report(person, "P");

        // The P report is routed after the C report (same person, same partition, in order):
        // once it has arrived, the C report has been decided.
        await().atMost(ROUTED).until(() -> !copies(probation, person).isEmpty());
        assertEquals(List.of(permitted), copies(probation, person).stream()
                .map(r -> TopicRecorder.header(r, "ce_sourceeventid")).toList());
        assertTrue(copies(partners, person).isEmpty() && copies(prisons, person).isEmpty());
        ExchangeAudit.about(person, "ROUTE_EVENT")
                .body("records.record.decision.reason", org.hamcrest.Matchers.hasItem("HANDLING_RESTRICTED"));
    }

    @Test
    void aSuspendedOrganisationReceivesNothingThoughAnAgreementAndAConsentWouldGiveIt() {
        String person = PersonReference.random();
        AgencyTopics.organisation("lantern-trust", "ACTIVE", "registered");
        AgencyTopics.organisation("lantern-trust", "SUSPENDED", "suspended");
        await().atMost(ROUTED).until(() -> directory.organisations().contains("lantern-trust")
                && !directory.isActive("lantern-trust"));
        referred(person, "lantern-trust");
        consented(person, "lantern-trust");
        String release = AgencyTopics.releaseDateSet(person, UUID.randomUUID().toString());

        await().atMost(ROUTED).until(() -> !copies(probation, person).isEmpty());
        assertTrue(copies(partners, person).isEmpty());
        ExchangeAudit.about(person, "ROUTE_EVENT")
                .body("records.findAll { it.record.actor.org == 'lantern-trust' && it.record.resource.id == '"
                        + release + "' }.record.decision.reason", org.hamcrest.Matchers.contains("ORGANISATION_SUSPENDED"));
    }

    @Test
    void withoutAnAcceptedReferralTheConsentedMentorReceivesNoCopyAndTheRefusalIsRecorded() {
        String person = PersonReference.random();
        consented(person, "horizon-mentoring");
        String refused = AgencyTopics.releaseDateSet(person, UUID.randomUUID().toString());

        // Probation's copy and the mentor's decision are committed in one transaction.
        await().atMost(ROUTED).until(() -> copies(probation, person).size() == 1);
        assertTrue(copies(partners, person).isEmpty());
        ExchangeAudit.about(person, "ROUTE_EVENT")
                .body("records.findAll { it.record.actor.org == 'horizon-mentoring' }.record.decision.reason",
                        org.hamcrest.Matchers.contains("NO_REFERRAL"))
                .body("records.findAll { it.record.actor.org == 'horizon-mentoring' }.record.resource.id",
                        org.hamcrest.Matchers.contains(refused));

        // The referral was all that was missing: once accepted, the next release reaches the mentor.
        referred(person, "horizon-mentoring");
        String released = AgencyTopics.releaseDateSet(person, UUID.randomUUID().toString());
        await().atMost(ROUTED).until(() -> copies(partners, person).size() == 1);
        assertEquals(released, TopicRecorder.header(copies(partners, person).getFirst(), "ce_sourceeventid"));
    }

    @Test
    void aWithdrawalStopsDisclosureAndTheMentorIsToldToEraseWhatItReceived() throws Exception {
        String person = PersonReference.random();
        referred(person, "horizon-mentoring");
        String consent = consented(person, "horizon-mentoring");
        String first = AgencyTopics.releaseDateSet(person, UUID.randomUUID().toString());
        await().atMost(ROUTED).until(() -> copies(partners, person).size() == 1);

        AgencyTopics.withdrawn(consent, person, "horizon-mentoring");
        await().atMost(ROUTED).until(() -> copies(partners, person).size() == 2);
        ConsumerRecord<String, String> notice = copies(partners, person).get(1);
        assertEquals("org.interlock.gateway.erasure.requested.v1", TopicRecorder.header(notice, "ce_type"));
        JsonNode data = JSON.readTree(notice.value());
        assertEquals(List.of(first), JSON.convertValue(data.path("events"), List.class));
        assertEquals("consent-withdrawn", data.path("reason").asText());
        assertEquals("horizon-mentoring", data.path("organisation").asText());

        String after = AgencyTopics.releaseDateSet(person, UUID.randomUUID().toString());
        await().atMost(ROUTED).until(() -> copies(probation, person).size() == 2);
        assertEquals(2, copies(partners, person).size(), "nothing more under a withdrawn consent");
        assertNull(copies(partners, person).stream().filter(r -> after.equals(TopicRecorder.header(r, "ce_sourceeventid")))
                .findAny().orElse(null));

        AgencyTopics.erasureConfirmed(data.path("notice").asText(), consent, person, "horizon-mentoring", List.of(first));
        await().atMost(ROUTED).untilAsserted(() -> ExchangeAudit.about(person, "ERASURE_CONFIRMED")
                .body("records", hasSize(1))
                .body("records[0].record.decision.reason", equalTo("erased:1"))
                .body("records[0].record.consent", equalTo(consent)));
        ExchangeAudit.about(person, "ERASURE_REQUESTED").body("records", hasSize(1));
        String releases = "records.findAll { it.record.actor.org == 'horizon-mentoring'"
                + " && it.record.resource.category == 'custody.release' }";
        ExchangeAudit.about(person, "ROUTE_EVENT")
                .body(releases + ".record.decision.outcome", equalTo(List.of("PERMIT", "DENY")))
                .body(releases + "[1].record.decision.reason", equalTo("NO_CONSENT"));
    }

    @Test
    void aWithdrawalRacingNewEventsLeavesNoDisclosureDecidedAfterIt() throws Exception {
        String person = PersonReference.random();
        referred(person, "horizon-mentoring");
        String consent = consented(person, "horizon-mentoring");
        int events = 120;
        Thread releases = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < events; i++) {
                AgencyTopics.releaseDateSet(person, UUID.randomUUID().toString());
            }
        });
        await().atMost(ROUTED).until(() -> copies(partners, person).size() >= 10);
        AgencyTopics.withdrawn(consent, person, "horizon-mentoring");
        releases.join();
        await().atMost(ROUTED).until(() -> copies(probation, person).size() == events);
        java.time.Instant ended = consentCache.endedAt(consent).orElseThrow();

        List<Map<String, Object>> decisions = ExchangeAudit.about(person, "ROUTE_EVENT").extract().jsonPath()
                .getList("records.findAll { it.record.actor.org == 'horizon-mentoring'"
                        + " && it.record.resource.category == 'custody.release' }.record");
        long permits = 0;
        for (Map<String, Object> record : decisions) {
            java.time.Instant decided = java.time.Instant.parse((String) record.get("time"));
            String outcome = (String) ((Map<?, ?>) record.get("decision")).get("outcome");
            if (outcome.equals("PERMIT")) {
                permits++;
                assertTrue(!decided.isAfter(ended), "a disclosure decided at " + decided + ", after the consent ended at "
                        + ended);
            }
        }
        long copies = copies(partners, person).stream()
                .filter(r -> !"org.interlock.gateway.erasure.requested.v1".equals(TopicRecorder.header(r, "ce_type")))
                .count();
        assertEquals(permits, copies, "one copy per recorded disclosure");
        assertTrue(permits < events, "the withdrawal landed among the events");
        assertEquals(events - permits, decisions.size() - permits, "every later event refused, and recorded as such");
    }

    /**
     * The copies in an inbox about a person, but for the referral's own (a referral reaches the
     * organisation it is made to, its answer the referrer): what these tests count is the rest.
     */
    static List<ConsumerRecord<String, String>> copies(TopicRecorder inbox, String person) {
        return inbox.about(person).stream()
                .filter(copy -> !String.valueOf(TopicRecorder.header(copy, "ce_type")).contains(".referral."))
                .toList();
    }

    static List<String> keys(JsonNode data) {
        return java.util.stream.StreamSupport.stream(((Iterable<String>) data::fieldNames).spliterator(), false)
                .sorted().toList();
    }
}
