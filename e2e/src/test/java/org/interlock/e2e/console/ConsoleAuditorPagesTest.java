package org.interlock.e2e.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.interlock.contracts.PersonReference;
import org.interlock.e2e.gateway.Auditor;
import org.interlock.e2e.gateway.Casework;
import org.interlock.e2e.gateway.GatewayClient;
import org.interlock.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The auditor's and the policy administrator's pages of the console against the real stack, each
 * showing what the API gives that persona: the flows of a period as a diagram and a table, the
 * break-glass review queue closed with a verdict (a 422 and a 409 shown as such), the agreements as
 * a table and a graph, and the policy reload previewed, then done for the previewed file. axe-core
 * finds no serious or critical violation on any of them.
 */
class ConsoleAuditorPagesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String REASON = "Seen near the victim's address; locating the person now";

    private static String gateway;
    private static Auditor auditor;
    private static GatewayClient pat;

    @BeforeAll
    static void stack() throws Exception {
        ConsoleBrowser.requireChromium();
        gateway = TestStack.shared().gatewayUrl();
        ConsoleClientRegistration.registerOrigin(gateway);
        auditor = new Auditor(gateway);
        pat = GatewayClient.as(gateway, "pat.admin", null);
    }

    @Test
    void theAuditorSeesTheFlowsOfAPeriodAsTheApiCountsThemInADiagramAndATable() throws Exception {
        Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
        breakGlass(PersonReference.random(), "K3333KK");
        Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        String route = "#/flows?from=" + from + "&to=" + to;

        try (ConsoleBrowser browser = ConsoleBrowser.open(gateway)) {
            browser.loginAt(route, "aud.auditor");
            // Disclosures decided before `to` may still be on their way to the log: the page and the
            // API agree once the period's last records are in.
            await().atMost(PATIENCE).untilAsserted(() -> {
                browser.driver().navigate().refresh();
                browser.await(By.id("flows-table"));
                JsonNode period = auditor.client().get("/audit/v1/flows?from=" + from + "&to=" + to).body();
                assertEquals(rows(period), shownRows(browser, "flows-table"));
                long drawn = browser.all(By.cssSelector("#flows-graph g.edge text")).stream()
                        .mapToLong(label -> Long.parseLong(label.getText())).sum();
                assertEquals(period.path("total").asLong(), drawn, "the arrows carry every disclosure");
            });
            assertTrue(shownRows(browser, "flows-table").stream().anyMatch(row -> row.subList(0, 4).equals(
                    List.of("prisons", "probation", "prisons-to-probation-custody", "agreement"))),
                    "peter's break-glass read is a flow from prisons to probation");
            Accessibility.assertNoSeriousViolations(browser, "flows");
            screenshotOf(browser, "#flows figure", "flows");
        }
    }

    @Test
    void theAuditorClosesABreakGlassReviewWithAVerdictAndARefusalIsShownAsSuch() throws Exception {
        String person = PersonReference.random();
        long first = breakGlass(person, "L2222LL");
        long second = breakGlass(PersonReference.random(), "M1212MM");

        try (ConsoleBrowser browser = ConsoleBrowser.open(gateway)) {
            browser.loginAt("#/reviews", "aud.auditor");
            browser.await(By.id("reviews-table"));
            List<String> open = auditor.reviews("open").stream().map(r -> "review-" + r.path("disclosure").asLong())
                    .toList();
            List<String> shown = browser.all(By.cssSelector("#reviews-table tbody tr")).stream()
                    .map(row -> row.getAttribute("id")).toList();
            assertEquals(open, shown, "the queue is the API's open reviews");
            assertTrue(shown.containsAll(List.of("review-" + first, "review-" + second)), shown.toString());
            Accessibility.assertNoSeriousViolations(browser, "reviews");
            browser.screenshot("reviews");

            // No note: the API's 422, shown with the field it names.
            new Select(browser.driver().findElement(By.id("review"))).selectByValue(Long.toString(first));
            browser.driver().findElement(By.cssSelector("#verdict-form button[type=submit]")).click();
            WebElement refusal = browser.await(By.cssSelector("#verdict-outcome .problem"));
            assertTrue(refusal.getText().startsWith("422"), refusal.getText());
            assertTrue(refusal.getText().contains("note"), refusal.getText());

            new Select(browser.driver().findElement(By.id("verdict"))).selectByValue("unjustified");
            browser.driver().findElement(By.id("note")).sendKeys("No sighting was reported that night.");
            browser.driver().findElement(By.cssSelector("#verdict-form button[type=submit]")).click();
            browser.awaitText(By.id("verdict-outcome"), "Review of record #" + first + " closed: unjustified", PATIENCE);
            JsonNode closed = only(auditor.reviews("closed"), first);
            assertEquals("unjustified", closed.path("verdict").asText());
            assertEquals("aud.auditor", closed.path("verdictBy").asText());
            assertTrue(browser.all(By.id("review-" + first)).isEmpty(), "a closed review leaves the open queue");

            // Closed by another auditor meanwhile: the API's 409, never a silent success.
            assertEquals(200, auditor.client().post("/audit/v1/reviews/" + second,
                    Map.of("verdict", "justified", "note", "Confirmed by the police log.")).status());
            new Select(browser.driver().findElement(By.id("review"))).selectByValue(Long.toString(second));
            browser.driver().findElement(By.id("note")).sendKeys("A second opinion.");
            browser.driver().findElement(By.cssSelector("#verdict-form button[type=submit]")).click();
            WebElement conflict = browser.await(By.cssSelector("#verdict-outcome .problem"));
            assertTrue(conflict.getText().startsWith("409 Conflict"), conflict.getText());
            assertEquals("justified", only(auditor.reviews("closed"), second).path("verdict").asText());
        }
    }

    @Test
    void thePolicyAdministratorSeesTheAgreementsInForceAsATableAndAGraph() throws Exception {
        JsonNode policy = pat.get("/policy/v1/agreements").body();
        List<String> ids = new ArrayList<>();
        policy.path("agreements").forEach(a -> ids.add(a.path("id").asText()));

        try (ConsoleBrowser browser = ConsoleBrowser.open(gateway)) {
            browser.loginAt("#/agreements", "pat.admin");
            browser.await(By.id("agreements-table"));
            assertEquals(ids, browser.all(By.cssSelector("#agreements-table tbody tr td:first-child")).stream()
                    .map(WebElement::getText).toList());
            assertTrue(browser.text(By.id("agreements-summary")).contains(policy.path("policyVersion").asText()));
            long drawn = browser.all(By.cssSelector("#agreements-graph g.edge text")).stream()
                    .mapToLong(label -> Long.parseLong(label.getText())).sum();
            assertEquals(ids.size(), drawn, "every agreement is on an arrow of the graph");
            Accessibility.assertNoSeriousViolations(browser, "agreements");
            screenshotOf(browser, "#agreements figure", "agreements");
        }
    }

    @Test
    void thePolicyAdministratorPreviewsTheReloadThenReloadsThatFile() throws Exception {
        JsonNode preview = pat.get("/policy/v1/reload/preview").body();

        try (ConsoleBrowser browser = ConsoleBrowser.open(gateway)) {
            browser.loginAt("#/reload", "pat.admin");
            browser.await(By.id("reload-verdict"));
            String versions = browser.text(By.id("reload-versions"));
            assertTrue(versions.contains(preview.path("inForce").asText()), versions);
            assertTrue(versions.contains(preview.path("candidate").asText()), "the digest of the file previewed");
            assertEquals(preview.path("unchanged").asBoolean(),
                    browser.text(By.id("reload-verdict")).startsWith("No change"));
            Accessibility.assertNoSeriousViolations(browser, "reload");
            browser.screenshot("reload");

            browser.driver().findElement(By.id("reload")).click();
            browser.awaitText(By.id("reload-outcome"), "Reloaded: version "
                    + preview.path("candidateVersion").asText() + " is in force", PATIENCE);
        }
    }

    @Test
    void theFlowsRefusedToAPolicyAdministratorAreShownAsA403() throws Exception {
        try (ConsoleBrowser browser = ConsoleBrowser.open(gateway)) {
            browser.loginAt("#/flows?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z", "pat.admin");
            WebElement problem = browser.await(By.cssSelector("#flows .problem"));
            assertTrue(problem.getText().startsWith("403 Forbidden"), problem.getText());
        }
    }

    /** Peter (probation) reads the custody episode of a person not on his caseload by breaking the glass. */
    private static long breakGlass(String person, String prisonNumber) {
        String episode = new Casework(gateway).receiveWithReleaseDate(person, prisonNumber);
        GatewayClient.Answer read = GatewayClient.as(gateway, "peter.probation", "public-protection")
                .withHeader("X-Break-Glass-Reason", REASON).get("/api/v1/prisons/custody-episodes/" + episode);
        assertEquals(200, read.status(), String.valueOf(read.body()));
        List<Auditor.Entry> entries = auditor.records("person=" + person + "&breakGlass=true&actor=peter.probation");
        return entries.getLast().sequence();
    }

    /** The screenshot with the drawing in view: the page scrolled to it. */
    private static void screenshotOf(ConsoleBrowser browser, String selector, String name) throws Exception {
        browser.driver().executeScript("arguments[0].scrollIntoView()", browser.driver().findElement(By.cssSelector(selector)));
        browser.screenshot(name);
    }

    private static JsonNode only(List<JsonNode> reviews, long disclosure) {
        List<JsonNode> found = reviews.stream().filter(r -> r.path("disclosure").asLong() == disclosure).toList();
        assertEquals(1, found.size(), found.toString());
        return found.getFirst();
    }

    /** The API's flows as the table shows them. */
    private static List<List<String>> rows(JsonNode period) {
        List<List<String>> rows = new ArrayList<>();
        period.path("flows").forEach(f -> rows.add(List.of(
                f.path("from").isNull() ? "origin unknown (agreement not in force now)" : f.path("from").asText(),
                f.path("to").asText(), f.path("agreement").asText(), f.path("basis").asText(),
                f.path("count").asText(), f.path("breakGlass").asText())));
        return rows;
    }

    private static List<List<String>> shownRows(ConsoleBrowser browser, String table) {
        return browser.all(By.cssSelector("#" + table + " tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
    }
}
