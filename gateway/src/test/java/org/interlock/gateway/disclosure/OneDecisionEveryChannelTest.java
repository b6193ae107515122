package org.interlock.gateway.disclosure;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.interlock.gateway.disclosure.Channel.EXCHANGE;
import static org.interlock.gateway.disclosure.Channel.FEED;
import static org.interlock.gateway.disclosure.Channel.REST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.interlock.gateway.caseload.AllocationCaseload;
import org.interlock.gateway.consent.ConsentCache;
import org.interlock.gateway.enforcement.UpstreamStub;
import org.interlock.gateway.feeds.FeedClient;
import org.interlock.gateway.feeds.FeedLog;
import org.interlock.gateway.feeds.Received;
import org.interlock.gateway.organisations.OrganisationDirectory;
import org.interlock.gateway.referrals.ReferralView;
import org.interlock.gateway.staff.StaffDirectoryStub;
import org.interlock.testing.AgencyTopics;
import org.interlock.testing.GatewayResource;
import org.interlock.testing.TestTokens;
import org.interlock.testing.TopicRecorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * One decision, every channel: each case of {@link DisclosureCases} is read over REST (the service
 * stub answers the record), published as its agency's event (which the exchange routes to the
 * reader's inbox and the feed pushes to the reader's subscription), and each channel must show the
 * same released content and the same audit record, except where the table says why not.
 *
 * <p>"Nothing arrived" is concluded only once the case's sentinel (the next event about the same
 * person on the same topic) has been decided on that channel.
 */
@QuarkusTest
@TestProfile(OneDecisionProfile.class)
@QuarkusTestResource(GatewayResource.class)
@QuarkusTestResource(UpstreamStub.class)
class OneDecisionEveryChannelTest {

    private static final Duration DECIDED = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<DisclosureCase> CASES = DisclosureCases.all();
    private static final List<Reader> READERS = List.of(Reader.PROBATION, Reader.MENTOR, Reader.SUSPENDED,
            Reader.UNREGISTERED);

    private static final Map<String, TopicRecorder> INBOXES = new HashMap<>();
    private static final Map<Reader, FeedClient> FEEDS = new HashMap<>();
    private static boolean published;

    @Inject
    OrganisationDirectory organisations;

    @Inject
    ConsentCache consents;

    @Inject
    AllocationCaseload caseloads;

    @Inject
    ReferralView referrals;

    @Inject
    FeedLog feedLog;

    @TestHTTPResource("/")
    URL gateway;

    @TestFactory
    Stream<DynamicContainer> eachCaseComesToTheSameOnRestTheExchangeAndAFeed() {
        publishOnce();
        return CASES.stream().map(c -> dynamicContainer(c.name() + " [" + c.reader() + "]", Stream.of(
                dynamicTest(c.nameOn(REST), () -> assertEquals(c.expectedOn(REST), overRest(c),
                        c.name() + ": " + REST)),
                dynamicTest(c.nameOn(EXCHANGE), () -> assertEquals(c.expectedOn(EXCHANGE), throughTheExchange(c),
                        c.name() + ": " + EXCHANGE)),
                dynamicTest(c.nameOn(FEED), () -> assertEquals(c.expectedOn(FEED), onTheFeed(c),
                        c.name() + ": " + FEED)))));
    }

    @Test
    void theTableHoldsThirtyCasesCoveringEveryRuleAsked() {
        assertTrue(CASES.size() >= 30, CASES.size() + " cases");
        assertEquals(CASES.size(), CASES.stream().map(DisclosureCase::name).distinct().count(), "unique names");
        Set<String> reasons = CASES.stream().flatMap(c -> c.expectedOn(REST).recorded().stream())
                .map(Observed.Grounds::reason).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of("ABOVE_AGREEMENT_CLASSIFICATION", "ABOVE_CLEARANCE", "AGREEMENT_EXPIRED",
                "EXPLICIT_DENY", "HANDLING_RESTRICTED", "NOT_IN_CASELOAD", "NO_AGREEMENT", "NO_CONSENT",
                "NO_REFERRAL", "ORGANISATION_SUSPENDED", "POLICY_ERROR", "PURPOSE_NOT_ALLOWED", "agreement")), reasons);
        List<Outcome> permits = CASES.stream().map(c -> c.expected().on(REST)).filter(Outcome::released).toList();
        assertTrue(permits.stream().anyMatch(p -> p.fields() != null), "a projection");
        assertTrue(permits.stream().anyMatch(p -> p.releasedAs() != null), "a release as a lower classification");
        assertTrue(permits.stream().anyMatch(p -> p.consent() != null), "a release under consent");
    }

    @AfterAll
    static void stopReading() {
        FEEDS.values().forEach(Received::close);
        INBOXES.values().forEach(TopicRecorder::close);
        StaffDirectoryStub.reset();
    }

    /**
     * Everything the cases need, once, in an order that leaves no channel deciding early: the
     * mentor as staff of table-mentoring in the staff directory (an allocation counts only for
     * staff of the agency that made it), the organisations, the inbox recorders and feed
     * subscriptions, the consents, allocations and referrals (each read by the gateway before
     * anything else is written), the stub's answers, then each case's event followed by its sentinel.
     */
    private void publishOnce() {
        if (published) {
            return;
        }
        StaffDirectoryStub.add(Reader.MENTOR.username(), Reader.MENTOR.agency(), Reader.MENTOR.org(),
                Reader.MENTOR.role());
        registerOrganisations();
        for (Reader reader : READERS) {
            INBOXES.computeIfAbsent(reader.inbox(), TopicRecorder::new);
        }
        subscribeFeeds();
        CASES.forEach(c -> c.givens().forEach(Given::write));
        await("consents, allocations and referrals read").atMost(DECIDED).until(() -> CASES.stream()
                .flatMap(c -> c.givens().stream())
                .allMatch(given -> given.seen(new Given.Views(consents, caseloads, referrals))));
        for (DisclosureCase c : CASES) {
            UpstreamStub.answer("GET", c.record().upstreamPath(), 200, c.record().answer());
            c.record().publish();
            c.sentinel().publish();
        }
        published = true;
    }

    private void registerOrganisations() {
        AgencyTopics.organisation("table-mentoring", "ACTIVE", "registered");
        AgencyTopics.organisation("table-suspended", "ACTIVE", "registered");
        AgencyTopics.organisation("table-suspended", "SUSPENDED", "suspended");
        await("organisations registered").atMost(DECIDED).until(() -> organisations.isActive("table-mentoring")
                && organisations.organisations().contains("table-suspended")
                && !organisations.isActive("table-suspended"));
    }

    /** One subscription per reader, following the persons of its cases, open before any event is written. */
    private void subscribeFeeds() {
        String base = gateway.toString().replaceAll("/$", "");
        for (Reader reader : READERS) {
            String persons = CASES.stream().filter(c -> c.reader() == reader).map(c -> c.record().person())
                    .collect(Collectors.joining(","));
            FEEDS.put(reader, FeedClient.subscribe(base, reader.token(), reader.purpose(), "?persons=" + persons,
                    null));
        }
        await("feed subscriptions open").atMost(DECIDED)
                .until(() -> CASES.stream().allMatch(c -> feedLog.following(c.record().person()) == 1));
    }

    private Observed overRest(DisclosureCase c) {
        AgencyRecord record = c.record();
        Response answer = given().auth().oauth2(c.reader().token()).header("X-Purpose-Of-Use", c.reader().purpose())
                .get(record.gatewayPath());
        JsonNode released = switch (answer.statusCode()) {
            case 200 -> record.listed() ? alone(json(answer.asString())) : json(answer.asString());
            case 404 -> record.listed() ? unexpected(answer) : null;
            default -> unexpected(answer);
        };
        return new Observed(released, null, recorded(c.reader(), REST, record.person(), record.id()));
    }

    private Observed throughTheExchange(DisclosureCase c) {
        TopicRecorder inbox = INBOXES.get(c.reader().inbox());
        String person = c.record().person();
        await(c.name() + ": the sentinel's copy to " + c.reader().witness()).atMost(DECIDED)
                .until(() -> !copies(inbox, person, c.reader().witness(), c.sentinel().eventId()).isEmpty());
        List<ConsumerRecord<String, String>> copies = copies(inbox, person, c.reader().recipient(),
                c.record().eventId());
        assertTrue(copies.size() <= 1, "one copy at most: " + copies);
        ConsumerRecord<String, String> copy = copies.isEmpty() ? null : copies.getFirst();
        return new Observed(copy == null ? null : json(copy.value()),
                copy == null ? null : TopicRecorder.header(copy, "ce_classification"),
                recorded(c.reader(), EXCHANGE, person, c.record().eventId()));
    }

    private Observed onTheFeed(DisclosureCase c) {
        FeedClient feed = FEEDS.get(c.reader());
        String person = c.record().person();
        String sentinel = c.sentinel().eventId();
        if (c.reader().barred()) {
            // Nothing is ever pushed to a barred organisation, so no sentinel arrives: the mark is the
            // feed's recorded refusal of the sentinel. A batch is recorded before any of it is pushed, in
            // the same loop, so a wrong push of the case's event would reach the client as this is read.
            await(c.name() + ": the sentinel's feed refusal recorded").atMost(DECIDED)
                    .until(() -> !recorded(c.reader(), FEED, person, sentinel).isEmpty());
        } else {
            await(c.name() + ": the sentinel on the feed").atMost(DECIDED)
                    .until(() -> feed.sources().contains(sentinel));
        }
        List<Received.Event> pushed = feed.named("interlock-event").stream()
                .filter(event -> c.record().eventId().equals(event.data().path("id").asText())).toList();
        assertTrue(pushed.size() <= 1, "one push at most: " + pushed);
        JsonNode view = pushed.isEmpty() ? null : pushed.getFirst().data();
        return new Observed(view == null ? null : view.get("data"),
                view == null ? null : view.path("classification").asText(null),
                recorded(c.reader(), FEED, person, c.record().eventId()));
    }

    /** The copies in an inbox about a person, for a recipient, of one source event. */
    private static List<ConsumerRecord<String, String>> copies(TopicRecorder inbox, String person, String recipient,
            String sourceEvent) {
        return inbox.about(person).stream()
                .filter(r -> recipient.equals(TopicRecorder.header(r, "ce_recipient"))
                        && sourceEvent.equals(TopicRecorder.header(r, "ce_sourceeventid")))
                .toList();
    }

    /** The audit records, as the auditor reads them, of this reader's (or its inbox's) decisions on one record. */
    private static List<Observed.Grounds> recorded(Reader reader, Channel channel, String person, String resourceId) {
        String auditor = TestTokens.person("aud.auditor", "oversight", null, "secret", "auditor");
        JsonNode page = json(given().auth().oauth2(auditor).queryParam("person", person)
                .queryParam("action", channel.action()).queryParam("limit", 1000).get("/audit/v1/records").then()
                .statusCode(200).extract().asString());
        return StreamSupport.stream(page.path("records").spliterator(), false)
                .map(entry -> entry.path("record"))
                .filter(record -> reader.acted(record.path("actor"))
                        && resourceId.equals(record.path("resource").path("id").asText(null)))
                .map(Observed.Grounds::of)
                .toList();
    }

    /** The one record of a list answer, or null for an empty list. */
    private static JsonNode alone(JsonNode list) {
        assertTrue(list.isArray() && list.size() <= 1, "a list of at most one record: " + list);
        return list.isEmpty() ? null : list.get(0);
    }

    private static JsonNode unexpected(Response answer) {
        throw new AssertionError("unexpected answer " + answer.statusCode() + ": " + answer.asString());
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
