package org.interlock.e2e.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.interlock.contracts.PersonReference;
import org.interlock.e2e.gateway.Casework;
import org.interlock.e2e.gateway.CustodyRecords;
import org.interlock.e2e.gateway.GatewayClient;
import org.interlock.testing.TestDatabase;
import org.interlock.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The console (ADR 0020) in Debian's headless Chromium against the real stack: each persona logs
 * in through Keycloak's own login form (authorization code with PKCE) and sees what the API gives
 * them — the auditor a person's timeline verified in the browser, then loudly failing on a record
 * altered in the database; the analyst an event written through the API on the live feed, and
 * the events written while paused after resuming; a practitioner exactly the caseload the API
 * answers; a 403 shown as a 403. No token is ever in a URL or in the browser's storage, and
 * axe-core finds no serious or critical violation on any page.
 */
class ConsoleBrowserTest {

    private static final Duration SEALED = Duration.ofSeconds(60);
    private static final String DATABASE = "gateway";
    private static final String TRIGGERS_OFF = "SET LOCAL session_replication_role = replica";

    private static String gateway;
    private static GatewayClient olivia;
    private static GatewayClient auditor;

    @BeforeAll
    static void stack() throws Exception {
        ConsoleBrowser.requireChromium();
        gateway = TestStack.shared().gatewayUrl();
        ConsoleClientRegistration.registerOrigin(gateway);
        olivia = GatewayClient.as(gateway, "olivia.prison", "case-management");
        auditor = GatewayClient.as(gateway, "aud.auditor", null);
    }

    @Test
    void theAuditorsTimelineIsVerifiedInTheBrowserAndAnAlteredRecordFailsLoudly() throws Exception {
        String person = PersonReference.random();
        String episode = receive(person, "C4444CC");
        assertEquals(200, olivia.get("/api/v1/prisons/custody-episodes/" + episode).status());
        List<Long> sequences = awaitDisclosures(person, 3);

        try (ConsoleBrowser browser = ConsoleBrowser.open(gateway)) {
            browser.loginAt("#/auditor?person=" + person, "aud.auditor");
            browser.await(By.id("timeline-table"));
            List<Long> shown = new ArrayList<>();
            browser.all(By.cssSelector("#timeline-table tbody tr")).forEach(row ->
                    shown.add(Long.parseLong(row.getAttribute("id").substring("record-".length()))));
            assertEquals(sequences, shown, "the timeline shows exactly the API's disclosures");
            browser.awaitText(By.id("verification"), "Verified in your browser", SEALED);
            assertEquals(0, browser.all(By.cssSelector("#timeline-table td.fail")).size());
            Accessibility.assertNoSeriousViolations(browser, "auditor");
            browser.screenshot("auditor");
            assertTokenNeverLeftMemory(browser);

            assertEquals("OK\nOK\nFAIL the tree head's signature does not hold\nFAIL the tree head's signature does not hold\n"
                    + "FAIL there is no tree head\nOK\nFAIL the record as shown is not the record the tree head signed",
                    verifiedInBrowser(browser, sequences.getFirst()));

            long victim = sequences.get(1);
            String leaf = TestDatabase.text(DATABASE, "SELECT encode(leaf, 'hex') FROM audit.records WHERE sequence = " + victim);
            String hash = TestDatabase.text(DATABASE, "SELECT encode(leaf_hash, 'hex') FROM audit.records WHERE sequence = "
                    + victim);
            try {
                // Altered as an operator with full access to the database could (the stored leaf hash
                // recomputed too would fail every record after it: the tree no longer has the signed root).
                TestDatabase.execute(DATABASE, TRIGGERS_OFF, "UPDATE audit.records SET leaf = convert_to(replace("
                        + "convert_from(leaf, 'UTF8'), '\"time\":\"20', '\"time\":\"19'), 'UTF8') WHERE sequence = " + victim);
                browser.driver().navigate().refresh();
                browser.awaitText(By.id("verification"), "VERIFICATION FAILED", SEALED);
                String verdict = browser.text(By.id("verification"));
                assertTrue(verdict.contains("record #" + victim + ":"), verdict);
                assertEquals(1, browser.all(By.cssSelector("#timeline-table td.fail")).size(), verdict);
                assertTrue(browser.text(By.id("verdict-" + victim)).startsWith("FAILED"));
                assertTrue(browser.text(By.id("record-" + victim)).contains("19"), "the altered time is what is shown");
                browser.screenshot("auditor-tampered");
            } finally {
                TestDatabase.execute(DATABASE, TRIGGERS_OFF, "UPDATE audit.records SET leaf = decode('" + leaf + "', 'hex'),"
                        + " leaf_hash = decode('" + hash + "', 'hex') WHERE sequence = " + victim);
            }
        }
    }

    @Test
    void theAnalystSeesAnEventWrittenThroughTheApiOnTheLiveFeedAndMissesNoneWhilePaused() throws Exception {
        String person = PersonReference.random();
        String episode = receive(person, "G5555GG");
        try (ConsoleBrowser browser = ConsoleBrowser.open(gateway)) {
            browser.loginAt("#/analyst?categories=custody.*&purpose=public-protection&follow=true", "ana.analyst");
            browser.awaitText(By.id("feed-status"), "Live", SEALED);
            By ofPerson = By.cssSelector("#feed-events tr[data-person='" + person + "']");
            // The feed starts at its live end: write until the first one shows.
            await().atMost(SEALED).pollInterval(Duration.ofSeconds(2)).until(() -> {
                setReleaseDate(episode, LocalDate.now().plusDays(30));
                return !browser.all(ofPerson).isEmpty();
            });
            String last = LocalDate.now().plusDays(40).toString();
            long written = System.nanoTime();
            setReleaseDate(episode, LocalDate.parse(last));
            await().atMost(SEALED).pollInterval(Duration.ofMillis(20)).until(() -> shows(browser, ofPerson, last));
            long millis = (System.nanoTime() - written) / 1_000_000;
            System.out.printf("CONSOLE|feed: an event written through the API shown in the browser after %d ms%n", millis);
            Accessibility.assertNoSeriousViolations(browser, "analyst");
            browser.screenshot("analyst");

            browser.driver().findElement(By.id("pause")).click();
            browser.awaitText(By.id("feed-status"), "Paused", SEALED);
            String whilePaused = LocalDate.now().plusDays(50).toString();
            setReleaseDate(episode, LocalDate.parse(whilePaused));
            browser.driver().findElement(By.id("pause")).click();
            await().atMost(SEALED).until(() -> shows(browser, ofPerson, whilePaused));
            List<String> positions = new ArrayList<>();
            browser.all(By.cssSelector("#feed-events tr")).forEach(row -> positions.add(row.getAttribute("data-position")));
            assertEquals(positions.stream().distinct().toList(), positions, "no event shown twice after resuming");
            assertTokenNeverLeftMemory(browser);
        }
    }

    @Test
    void aPractitionerSeesExactlyTheCaseloadTheApiGivesThem() throws Exception {
        String person = PersonReference.random();
        receive(person, "P6666PP");
        new Casework(gateway).allocateStatutoryLead(person);
        GatewayClient peter = GatewayClient.as(gateway, "peter.probation", "case-management");
        GatewayClient.Answer caseload = peter.get("/api/v1/probation/allocations?staff=peter.probation");
        assertEquals(200, caseload.status());
        List<String> expected = new ArrayList<>();
        caseload.body().forEach(a -> expected.add(a.path("person").asText()));

        try (ConsoleBrowser browser = ConsoleBrowser.open(gateway)) {
            browser.loginAt("#/practitioner?purpose=case-management", "peter.probation");
            browser.await(By.id("caseload-table"));
            List<String> shown = new ArrayList<>();
            browser.all(By.cssSelector("#caseload-table tbody tr td:first-child")).forEach(c -> shown.add(c.getText()));
            assertEquals(expected.stream().sorted().toList(), shown.stream().sorted().toList());
            assertTrue(shown.contains(person));

            browser.driver().findElement(By.linkText(person)).click();
            browser.awaitText(By.id("person-records"), "Custody episodes", SEALED);
            browser.awaitText(By.id("person-records"), "Referrals made by probation", SEALED);
            Accessibility.assertNoSeriousViolations(browser, "practitioner");
            browser.screenshot("practitioner");
        }
    }

    @Test
    void aRefusalOfTheApiIsShownAsSuchNeverAsAnEmptyPage() throws Exception {
        try (ConsoleBrowser browser = ConsoleBrowser.open(gateway)) {
            browser.loginAt("#/auditor?person=" + PersonReference.random(), "peter.probation");
            WebElement problem = browser.await(By.cssSelector("#timeline .problem"));
            assertTrue(problem.getText().startsWith("403 Forbidden"), problem.getText());
            Accessibility.assertNoSeriousViolations(browser, "refusal");
            browser.screenshot("forbidden");
        }
    }

    @Test
    void thePolicyAdministratorAsksWhyAndALostSessionComesBackToTheSameQuestion() throws Exception {
        try (ConsoleBrowser browser = ConsoleBrowser.open(gateway)) {
            browser.loginAt("#/policy", "pat.admin");
            browser.driver().findElement(By.cssSelector("#explain-form button[type=submit]")).click();
            browser.awaitText(By.id("explanation"), "DENY", SEALED);
            String question = browser.driver().getCurrentUrl();
            Accessibility.assertNoSeriousViolations(browser, "policy");
            browser.screenshot("policy");

            // The token lives in the page's memory only: a reload loses it, as an expiry does. The
            // console goes back through Keycloak (whose session is still open) to the same question.
            browser.driver().navigate().refresh();
            browser.awaitText(By.id("explanation"), "DENY", SEALED);
            assertEquals(question, browser.driver().getCurrentUrl());
        }
    }

    private static boolean shows(ConsoleBrowser browser, By rows, String text) {
        return browser.all(rows).stream().anyMatch(row -> row.getText().contains(text));
    }

    /** No URL the browser asked for carried a token, and no storage or cookie of the gateway holds one. */
    private static void assertTokenNeverLeftMemory(ConsoleBrowser browser) {
        List<String> urls = browser.requestedUrls();
        Set<String> tokens = browser.bearerTokens();
        assertTrue(!tokens.isEmpty(), "the console sent its token in a header");
        for (String url : urls) {
            assertTrue(!url.contains("access_token") && !url.contains("id_token"), "a token in " + url);
            // The signature is the part of a token no one else could have written.
            tokens.forEach(token -> assertTrue(!url.contains(token.substring(token.lastIndexOf('.') + 1)),
                    "the access token in " + url));
        }
        Map<String, Object> kept = browser.storage();
        assertEquals(Map.of("local", "{}", "session", "{}", "cookies", ""), kept);
    }

    /**
     * The console's own verification code, run in the page on the log as the API serves it: its
     * canonical JSON of a record is the stored leaf byte for byte; the latest head and the record's
     * proof pass; a head with another signature or size, no head at all,
     * and the record with one value changed fail.
     */
    private static String verifiedInBrowser(ConsoleBrowser browser, long sequence) {
        JsonNode head = auditor.get("/audit/v1/tree-heads/latest").body();
        String key = new String(auditor.download("/audit/v1/public-key"), StandardCharsets.UTF_8);
        JsonNode record = auditor.get("/audit/v1/proofs/inclusion?sequence=" + sequence).body().path("leaf");
        JsonNode proof = auditor.get("/audit/v1/proofs/inclusion?sequence=" + sequence + "&treeSize="
                + head.path("treeSize").asLong()).body();
        return String.valueOf(browser.script("""
                const done = arguments[arguments.length - 1];
                const head = JSON.parse(arguments[0]), key = arguments[1];
                const record = JSON.parse(arguments[2]), proof = JSON.parse(arguments[3]);
                import('/console/js/verify.js').then(async (v) => {
                  const verdict = async (check) => {
                    try { const r = await check(); return r && r.ok === false ? 'FAIL ' + r.reason : 'OK'; }
                    catch (e) { return 'FAIL ' + e.message; }
                  };
                  const other = head.signature.replace(/^./, (c) => (c === '0' ? '1' : '0'));
                  done([
                    v.canonicalJson(record) === arguments[2] ? 'OK' : 'FAIL not the canonical bytes',
                    await verdict(() => v.verifyTreeHead(head, key)),
                    await verdict(() => v.verifyTreeHead({ ...head, signature: other }, key)),
                    await verdict(() => v.verifyTreeHead({ ...head, treeSize: head.treeSize + 1 }, key)),
                    await verdict(() => v.verifyTreeHead(null, key)),
                    await verdict(() => v.verifyInclusion(record.sequence, record, proof, head)),
                    await verdict(() => v.verifyInclusion(record.sequence,
                        { ...record, time: record.time.replace('20', '19') }, proof, head)),
                  ].join('\\n'));
                }).catch((e) => done('import failed: ' + e));
                """, head.toString(), key, record.asText(), proof.toString()));
    }

    private static List<Long> awaitDisclosures(String person, int count) {
        List<Long> sequences = new ArrayList<>();
        await().atMost(SEALED).untilAsserted(() -> {
            JsonNode records = auditor.get("/audit/v1/persons/" + person + "/disclosures").body().path("records");
            assertEquals(count, records.size(), records.toString());
            sequences.clear();
            records.forEach(r -> sequences.add(r.path("sequence").asLong()));
        });
        return List.copyOf(sequences);
    }

    private static String receive(String person, String prisonNumber) {
        return CustodyRecords.receive(olivia, person, prisonNumber);
    }

    private static void setReleaseDate(String episode, LocalDate date) {
        CustodyRecords.setReleaseDate(olivia, episode, date);
    }
}
