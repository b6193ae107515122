package org.interlock.e2e.console;

import static org.awaitility.Awaitility.await;
import static org.interlock.e2e.gateway.Casework.HORIZON;
import static org.interlock.e2e.gateway.Casework.RELEASE_AND_LICENCE;
import static org.interlock.e2e.gateway.Casework.RESETTLEMENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import org.interlock.contracts.PersonReference;
import org.interlock.e2e.gateway.Casework;
import org.interlock.e2e.gateway.CustodyRecords;
import org.interlock.e2e.gateway.GatewayClient;
import org.interlock.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The practitioner's pages of the console (ADR 0020) in headless Chromium against the real stack:
 * referrals made and received, consents, and what case conferences assigned to me. Each persona
 * sees exactly the records the API gives them (the same rows, in the same order); an acceptance, a
 * withdrawal and a completion made with the page's buttons are done end to end; an action the
 * gateway refuses is shown as its 403 or 409, never as success or an empty page; axe-core finds no
 * serious or critical violation on any of the pages.
 */
class ConsolePractitionerPagesTest {

    private static final Duration SEEN = Duration.ofSeconds(60);

    private static String gateway;
    private static Casework casework;
    private static GatewayClient olivia;

    @BeforeAll
    static void stack() throws Exception {
        ConsoleBrowser.requireChromium();
        gateway = TestStack.shared().gatewayUrl();
        ConsoleClientRegistration.registerOrigin(gateway);
        casework = new Casework(gateway);
        casework.registerOrganisation(HORIZON, "Horizon Mentoring", "MENTORING");
        olivia = GatewayClient.as(gateway, "olivia.prison", "case-management");
    }

    @Test
    void referralsAreWhatTheApiGivesAndTheManagersAcceptanceWorksWhileAStaleAnswerIsShownAs409() throws Exception {
        String person = inCustody();
        casework.allocateStatutoryLead(person);
        String first = casework.refer(person, HORIZON, RELEASE_AND_LICENCE, RESETTLEMENT);
        String second = casework.refer(person, HORIZON, List.of("licence.*"), RESETTLEMENT);
        casework.awaitReferralAtHorizon(first);
        casework.awaitReferralAtHorizon(second);
        GatewayClient peter = GatewayClient.as(gateway, "peter.probation", "case-management");
        GatewayClient hana = GatewayClient.as(gateway, "hana.horizon", "resettlement");

        try (ConsoleBrowser browser = ConsoleBrowser.open(gateway)) {
            browser.loginAt("#/referrals?purpose=case-management&person=" + person, "peter.probation");
            browser.await(By.id("made-table"));
            assertEquals(ids(peter.get("/api/v1/probation/referrals?person=" + person)), rowIds(browser, "made-table"));
        }
        try (ConsoleBrowser browser = ConsoleBrowser.open(gateway)) {
            browser.loginAt("#/referrals?purpose=resettlement", "hana.horizon");
            browser.await(By.id("received-table"));
            List<String> listed = ids(hana.get("/api/v1/partners/referrals?organisation=" + HORIZON));
            assertEquals(listed, rowIds(browser, "received-table"), "the organisation's referrals as the API lists them");
            assertTrue(listed.containsAll(List.of(first, second)), listed.toString());

            browser.go("#/referrals?purpose=resettlement&person=" + person);
            browser.awaitText(By.id("received-table"), person, SEEN);
            browser.driver().findElement(By.id("accept-caseworker")).sendKeys("mia.mentor");
            browser.driver().findElement(By.id("accept-" + first)).click();
            browser.awaitText(By.id("referral-outcome"), "accepted: mia.mentor allocated", SEEN);
            browser.awaitText(By.id("referral-" + first), "ACCEPTED", SEEN);
            JsonNode accepted = hana.get("/api/v1/partners/referrals/" + first).body();
            assertEquals(List.of("ACCEPTED", "mia.mentor", "hana.horizon"), List.of(accepted.path("status").asText(),
                    accepted.path("caseworker").asText(), accepted.path("answeredBy").asText()));
            Accessibility.assertNoSeriousViolations(browser, "referrals");
            browser.screenshot("referrals");

            // Answered behind the page's back: the page still offers to decline, the service says 409.
            assertEquals(200, hana.post("/api/v1/partners/referrals/" + second + "/accept",
                    Map.of("caseworker", "mia.mentor")).status());
            browser.driver().findElement(By.id("decline-" + second)).click();
            browser.awaitText(By.cssSelector("#referral-outcome .problem"), "409", SEEN);
            assertEquals("ACCEPTED", hana.get("/api/v1/partners/referrals/" + second).body().path("status").asText());
        }
    }

    @Test
    void consentsAreWhatTheApiGivesAndTheCaseworkerWithdrawsOneEndToEnd() throws Exception {
        String person = inCustody();
        String consent = casework.referToMiaWithConsent(person, List.of("custody.release"));
        GatewayClient mia = GatewayClient.as(gateway, "mia.mentor", "resettlement");
        GatewayClient peter = GatewayClient.as(gateway, "peter.probation", "resettlement");

        try (ConsoleBrowser browser = ConsoleBrowser.open(gateway)) {
            browser.loginAt("#/consents?purpose=resettlement&person=" + person, "peter.probation");
            browser.awaitText(By.id("consents"), "Consents of " + person, SEEN);
            List<String> petersView = ids(peter.get("/api/v1/partners/consents?person=" + person));
            if (petersView.isEmpty()) {
                browser.awaitText(By.id("consents"), "None given to you", SEEN);
            } else {
                browser.await(By.id("consents-table"));
                assertEquals(petersView, rowIds(browser, "consents-table"));
            }
        }
        try (ConsoleBrowser browser = ConsoleBrowser.open(gateway)) {
            browser.loginAt("#/consents?purpose=resettlement&person=" + person, "mia.mentor");
            browser.await(By.id("consents-table"));
            assertEquals(ids(mia.get("/api/v1/partners/consents?person=" + person)), rowIds(browser, "consents-table"));
            assertEquals(List.of(consent), rowIds(browser, "consents-table"));
            Accessibility.assertNoSeriousViolations(browser, "consents");
            browser.screenshot("consents");

            browser.driver().findElement(By.id("withdraw-" + consent)).click();
            browser.awaitText(By.id("consent-outcome"), "withdrawn", SEEN);
            browser.awaitText(By.id("consent-" + consent), "WITHDRAWN", SEEN);
            assertEquals("WITHDRAWN", mia.get("/api/v1/partners/consents/" + consent).body().path("status").asText());
            assertTrue(browser.all(By.id("withdraw-" + consent)).isEmpty(), "no withdrawal offered once withdrawn");
        }
    }

    @Test
    void eachAssigneeSeesTheirOwnActionsPeterCompletesHisAndOliviaIsShownThe403() throws Exception {
        String person = inCustody();
        GatewayClient tara = GatewayClient.as(gateway, "tara.probationlead", "public-protection");
        GatewayClient.Answer convened = tara.post("/api/v1/probation/conferences", Map.of("person", person,
                "meetsAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).toString(), "chair", "tara.probationlead",
                "invitees", List.of("olivia.prison", "peter.probation"), "organisations", List.of("prisons"),
                "purpose", "MAPPA level 2: risk before release"));
        assertEquals(201, convened.status(), String.valueOf(convened.body()));
        String conference = convened.body().path("id").asText();
        String peters = assign(tara, conference, "probation", "peter.probation", "Check the exclusion zone");
        String olivias = assign(tara, conference, "prisons", "olivia.prison", "Share the adjudication history");
        GatewayClient peter = GatewayClient.as(gateway, "peter.probation", "case-management");

        try (ConsoleBrowser browser = ConsoleBrowser.open(gateway)) {
            browser.loginAt("#/assigned?purpose=case-management", "peter.probation");
            browser.await(By.id("actions-table"));
            List<String> given = ids(peter.get("/api/v1/probation/conference-actions?assignee=me"));
            assertEquals(given, rowIds(browser, "actions-table"));
            assertTrue(given.contains(peters) && !given.contains(olivias), given.toString());
            browser.driver().findElement(By.id("outcome-" + peters)).sendKeys("Checked with the police: no change");
            Accessibility.assertNoSeriousViolations(browser, "assigned");
            browser.screenshot("assigned");
            browser.driver().findElement(By.id("complete-" + peters)).click();
            browser.awaitText(By.id("action-outcome"), "completed", SEEN);
            browser.awaitText(By.id("action-" + peters), "DONE", SEEN);
            JsonNode done = peter.get("/api/v1/probation/conference-actions/" + peters).body();
            assertEquals(List.of("DONE", "Checked with the police: no change"),
                    List.of(done.path("status").asText(), done.path("outcome").asText()));
        }
        try (ConsoleBrowser browser = ConsoleBrowser.open(gateway)) {
            browser.loginAt("#/assigned?purpose=case-management", "olivia.prison");
            browser.await(By.id("actions-table"));
            List<String> given = ids(olivia.get("/api/v1/probation/conference-actions?assignee=me"));
            assertEquals(given, rowIds(browser, "actions-table"));
            assertTrue(given.contains(olivias) && !given.contains(peters), given.toString());
            browser.driver().findElement(By.id("outcome-" + olivias)).sendKeys("Sent to the chair");
            browser.driver().findElement(By.id("complete-" + olivias)).click();
            browser.awaitText(By.cssSelector("#action-outcome .problem"), "403 Forbidden", SEEN);
            Accessibility.assertNoSeriousViolations(browser, "assigned (refused)");
            assertEquals("OPEN", olivia.get("/api/v1/probation/conference-actions/" + olivias).body().path("status")
                    .asText());
        }
    }

    /** A person received into custody by Olivia: their reference. */
    /**
     * A concern and a missed appointment fire the review trigger to Peter, the person's lead; the
     * page lists the notices addressed to him exactly as the API gives them to him.
     */
    @Test
    void theReviewTriggersAddressedToPeterAreWhatTheApiGivesHim() throws Exception {
        String person = PersonReference.random();
        casework.referToMiaWithConsent(person, List.of("custody.release"));
        GatewayClient mia = GatewayClient.as(gateway, "mia.mentor", "resettlement");
        GatewayClient peter = GatewayClient.as(gateway, "peter.probation", "case-management");
        GatewayClient.Answer concern = mia.post("/api/v1/partners/activities", Map.of("person", person,
                "organisation", HORIZON, "kind", "CONCERN_RAISED", "occurredOn", LocalDate.now().toString(),
                "reportedBy", "mia.mentor", "notes", "Did not come to the session."));
        assertEquals(201, concern.status(), String.valueOf(concern.body()));
        GatewayClient.Answer opened = peter.post("/api/v1/probation/supervision-cases", Map.of("person", person,
                "basis", "LICENCE", "openedOn", LocalDate.now().toString()));
        assertEquals(201, opened.status(), String.valueOf(opened.body()));
        GatewayClient.Answer missed = peter.post("/api/v1/probation/supervision-cases/"
                + opened.body().path("id").asText() + "/appointments", Map.of("dueAt",
                OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).toString(), "outcome", "MISSED_UNACCEPTABLE"));
        assertEquals(201, missed.status(), String.valueOf(missed.body()));
        await().atMost(SEEN).until(() -> notices(peter).stream().anyMatch(n -> person.equals(n.path("person").asText())));

        try (ConsoleBrowser browser = ConsoleBrowser.open(gateway)) {
            browser.loginAt("#/assigned?purpose=case-management", "peter.probation");
            browser.await(By.id("review-triggers-table"));
            List<String> given = notices(peter).stream().map(n -> n.path("notice").asText()).toList();
            assertEquals(given, rowIds(browser, "review-triggers-table"));
            Accessibility.assertNoSeriousViolations(browser, "assigned (review triggers)");
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()",
                    browser.driver().findElement(By.id("review-triggers-table")));
            browser.screenshot("review-triggers");
        }
    }

    private static List<JsonNode> notices(GatewayClient reader) {
        GatewayClient.Answer answer = reader.get("/api/v1/probation/review-triggers?addressee=me");
        assertEquals(200, answer.status(), String.valueOf(answer.body()));
        List<JsonNode> notices = new ArrayList<>();
        answer.body().forEach(notices::add);
        return notices;
    }

    private static String inCustody() {
        String person = PersonReference.random();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        CustodyRecords.receive(olivia, person, "" + (char) ('A' + random.nextInt(26)) + (1000 + random.nextInt(9000))
                + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26)));
        return person;
    }

    private static String assign(GatewayClient chair, String conference, String owner, String assignee,
            String description) {
        GatewayClient.Answer assigned = chair.post("/api/v1/probation/conferences/" + conference + "/actions",
                Map.of("owner", owner, "assignee", assignee, "description", description,
                        "dueOn", LocalDate.now(ZoneOffset.UTC).plusDays(14).toString()));
        assertEquals(201, assigned.status(), String.valueOf(assigned.body()));
        return assigned.body().path("id").asText();
    }

    /** The ids of an API list answer, in its order. */
    private static List<String> ids(GatewayClient.Answer answer) {
        assertEquals(200, answer.status(), String.valueOf(answer.body()));
        List<String> ids = new ArrayList<>();
        answer.body().forEach(record -> ids.add(record.path("id").asText()));
        return ids;
    }

    /** The record ids of a table's rows as the page shows them, in its order. */
    private static List<String> rowIds(ConsoleBrowser browser, String table) {
        List<String> ids = new ArrayList<>();
        browser.all(By.cssSelector("#" + table + " tbody tr")).forEach(row -> {
            String id = row.getAttribute("id");
            ids.add(id.substring(id.indexOf('-') + 1));
        });
        return ids;
    }
}
