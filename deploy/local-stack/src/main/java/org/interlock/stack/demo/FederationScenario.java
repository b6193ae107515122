package org.interlock.stack.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * A returning foreign fighter, across the border of two federated deployments (ADR 0021): the other country's
 * ("abroad") intelligence releases a sanitised summary about a man about to arrive, which its agreement to "home"
 * sends across with the conditions home must keep; home's probation practitioner reads it, asks abroad a request
 * for information; abroad's single point of contact (intelligence) answers in part, with a coded refusal for the
 * full report; home reads the answer, and an attempt to pass it on to a partner organisation is refused under the originator's conditions.
 * The person's reference is the same on both sides here: matching a person across borders is not built.
 */
public final class FederationScenario {

    private static final String ABROAD_REALM = "interlock-abroad";

    private final String home;
    private final String abroad;
    private final String keycloak;

    public FederationScenario(String home, String abroad, String keycloak) {
        this.home = home;
        this.abroad = abroad;
        this.keycloak = keycloak;
    }

    /** What crossed: the summary's item and the answer's, as home holds them, and the request. */
    public record Outcome(String person, String summaryItem, String requestId, String answerItem) {
    }

    public Outcome run() {
        DemoClient ianAbroad = DemoClient.as(abroad, keycloak, ABROAD_REALM, "ian.intel.abroad", "public-protection");
        DemoClient peter = DemoClient.as(home, keycloak, "peter.probation", "public-protection");
        String person = "urn:interlock:person:" + UUID.randomUUID();
        say("person " + person + " (the same reference on both sides)");
        onPetersCaseload(person);

        String report = releaseSummary(ianAbroad, person);
        say("abroad: ian.intel.abroad releases a sanitised summary; its agreement to home sends it across");

        JsonNode summary = await(() -> first(peter.get("/federation/v1/received?person=" + person)),
                "home to hold the summary");
        say("home: peter.probation reads it (item " + summary.path("itemId").asText() + " from "
                + summary.path("peer").asText() + ", agreement " + summary.path("agreement").asText()
                + "; may go on to " + summary.path("onwardTo") + " without asking)");

        JsonNode asked = DemoClient.expect(201, peter.post("/federation/v1/requests", Map.of(
                "peer", "abroad", "person", person, "purpose", "public-protection", "urgency", "urgent",
                "justification", "Arriving on licence-like conditions; supervision plan due before his arrival.",
                "categories", List.of("intel.summary", "intel.report"))), "home: request for information").body();
        String requestId = asked.path("requestId").asText();
        say("home: peter.probation asks abroad (request " + requestId + ", urgent, deadline "
                + asked.path("deadline").asText() + ")");

        JsonNode incoming = await(() -> incoming(ianAbroad, requestId), "abroad to receive the request");
        JsonNode answer = DemoClient.expect(200, ianAbroad.post("/federation/v1/requests/" + incoming.path("id").asText()
                + "/answer", Map.of(
                "outcome", "partly-answered",
                "released", List.of(Map.of("agency", "intelligence", "category", "intel.summary", "content", Map.of(
                        "id", report, "person", person, "reportedOn", LocalDate.now().toString(),
                        "sanitisedSummary", "Travelled with two others who are still abroad; no known contact since."))),
                "refused", List.of(Map.of("category", "intel.report", "reason", "ongoing-investigation")),
                "conditions", Map.of("disseminateTo", List.of("probation"), "requiresOriginatorPermission", false))),
                "abroad: answer").body();
        say("abroad: its single point of contact answers " + answer.path("outcome").asText() + ": released "
                + answer.path("released") + ", refused " + answer.path("refused"));

        JsonNode answered = await(() -> answeredAtHome(peter, requestId), "home to receive the answer");
        say("home: the request is " + answered.path("state").asText());
        JsonNode held = await(() -> answerItem(peter, person), "home to hold the answer");
        String answerItem = held.path("itemId").asText();
        say("home: peter.probation reads the answer (item " + answerItem + ", may go on to " + held.path("onwardTo")
                + ")");

        DemoClient.Answer onward = peter.post("/federation/v1/received/abroad/" + answerItem + "/onward",
                Map.of("to", "org:horizon-mentoring"));
        DemoClient.expect(403, onward, "home: passing the answer on to a partner");
        say("home: passing it on to Horizon Mentoring is refused: " + onward.body().path("type").asText());
        return new Outcome(person, summary.path("itemId").asText(), requestId, answerItem);
    }

    /**
     * Abroad's first step alone: ian.intel.abroad files a report about {@code person} and releases its sanitised
     * summary, which abroad's agreement sends to home. Returns the report's id.
     */
    public String releaseSummary(String person) {
        return releaseSummary(DemoClient.as(abroad, keycloak, ABROAD_REALM, "ian.intel.abroad", "public-protection"),
                person);
    }

    private static String releaseSummary(DemoClient ianAbroad, String person) {
        String report = DemoClient.expect(201, ianAbroad.post("/api/v1/intelligence/reports", Map.of(
                "person", person, "sourceEvaluation", 2, "intelligenceAssessment", "B", "handlingCode", "P",
                "content", "Fought with a proscribed group; travelling back.", "reportedOn", LocalDate.now().toString())),
                "abroad: intelligence report").id();
        DemoClient.expect(200, ianAbroad.post("/api/v1/intelligence/reports/" + report + "/sanitised-summary", Map.of(
                "summary", "Returning from a conflict zone this week; assessed as still committed.")),
                "abroad: sanitised summary");
        return report;
    }

    private static JsonNode first(DemoClient.Answer answer) {
        return answer.status() == 200 && answer.body().isArray() && !answer.body().isEmpty() ? answer.body().get(0) : null;
    }

    private static JsonNode incoming(DemoClient spoc, String requestId) {
        for (JsonNode request : spoc.get("/federation/v1/requests?direction=incoming").body().path("requests")) {
            if (requestId.equals(request.path("requestId").asText())) {
                return request;
            }
        }
        return null;
    }

    /**
     * At home, tara.probationlead allocates the man to peter.probation, who is to supervise him on arrival: what
     * home holds about him from abroad, and what Peter may ask abroad, is for those whose caseload he is on.
     */
    public void onPetersCaseload(String person) {
        DemoClient tara = DemoClient.as(home, keycloak, "tara.probationlead", "case-management");
        DemoClient pat = DemoClient.as(home, keycloak, "pat.admin", "oversight");
        DemoScenario.allocate(tara, "probation", person, "peter.probation", "PROBATION_PRACTITIONER",
                LocalDate.now().toString());
        await(() -> DemoScenario.wouldRead(pat, DemoScenario.PETER, "prisons", "custody.reception", person,
                "case-management").equals("PERMIT") ? NullNode.getInstance() : null,
                "home's gateway to count peter.probation's allocation");
        say("home: tara.probationlead allocates him to peter.probation, who will supervise him on arrival");
    }

    private static JsonNode answeredAtHome(DemoClient officer, String requestId) {
        for (JsonNode request : officer.get("/federation/v1/requests?direction=outgoing").body().path("requests")) {
            if (requestId.equals(request.path("requestId").asText())
                    && request.path("state").asText().contains("answered")) {
                return request;
            }
        }
        return null;
    }

    private static JsonNode answerItem(DemoClient officer, String person) {
        DemoClient.Answer held = officer.get("/federation/v1/received?person=" + person);
        for (JsonNode item : held.status() == 200 ? held.body() : List.<JsonNode>of()) {
            if (item.path("type").asText().endsWith("answer.v1")) {
                return item;
            }
        }
        return null;
    }

    private static JsonNode await(Supplier<JsonNode> probe, String what) {
        return DemoScenario.await(probe, what);
    }

    private static void say(String line) {
        DemoScenario.say("federation: " + line);
    }

    public static void main(String[] args) {
        new FederationScenario(args[0], args[1], args[2]).run();
        say("done");
    }
}
