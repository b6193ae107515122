package org.interlock.stack.demo;

import static org.interlock.stack.demo.DemoScenario.await;
import static org.interlock.stack.demo.DemoScenario.say;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The review the trigger asked for: peter.probation records a review assessment against the
 * factor set, answering the notice his inbox received (ADR 0018), and revises the sentence plan
 * with the reason (ADR 0016); the auditor sees both changes permitted.
 */
final class ReviewChapter {

    private static final List<String> FACTORS = List.of("grievance", "belonging", "immersion",
            "dehumanising-outlook", "harm-justified", "expressed-intent", "skills-and-means", "history-of-violence",
            "associates");

    private final String gateway;
    private final String keycloak;

    ReviewChapter(String gateway, String keycloak) {
        this.gateway = gateway;
        this.keycloak = keycloak;
    }

    void run(DemoScenario.Outcome outcome, String notice) {
        DemoClient peter = DemoClient.as(gateway, keycloak, "peter.probation", "risk-management");
        DemoClient auditor = DemoClient.as(gateway, keycloak, "aud.auditor", "oversight");
        String person = outcome.person();
        // The notice is audited before it is delivered: until probation's inbox has it, the
        // review is refused (422 on its prompt), and recorded nowhere.
        JsonNode assessment = await(() -> answered(peter.post("/api/v1/probation/risk-assessments",
                review(person, notice))), "probation's inbox to hold the notice the review answers");
        say("peter.probation recorded review assessment " + assessment.path("id").asText() + " (version "
                + assessment.path("version").asText() + ", factor set extremism-spj 2) answering notice " + notice);
        JsonNode plan = DemoClient.expect(201, peter.post("/api/v1/probation/sentence-plans", Map.of(
                "person", person,
                "reason", "Review after a concern and a missed appointment: weekly contact and mentoring",
                "objectives", List.of(Map.of(
                        "description", "Weekly supervision contact until the review in three months",
                        "targetDate", LocalDate.now().plusMonths(3).toString(),
                        "responsible", Map.of("agency", "probation", "staff", "peter.probation"),
                        "interventions", List.of(Map.of("type", "mentoring")))))), "sentence plan").body();
        say("peter.probation revised the sentence plan: version " + plan.path("version").asText() + ", reason \""
                + plan.path("reason").asText() + "\"");
        await(() -> changesSeen(auditor, person), "the auditor to see both changes");
        say("the auditor sees both changes, each permitted for peter.probation (CHANGE_REST)");
    }

    private static JsonNode answered(DemoClient.Answer answer) {
        if (answer.status() == 422) {
            return null;
        }
        return DemoClient.expect(201, answer, "review assessment").body();
    }

    private static Map<String, Object> review(String person, String notice) {
        Map<String, String> factors = new LinkedHashMap<>();
        FACTORS.forEach(factor -> factors.put(factor, "LOW"));
        factors.put("immersion", "MODERATE");
        factors.put("belonging", "MODERATE");
        Map<String, Object> body = new HashMap<>();
        body.put("person", person);
        body.put("assessedOn", LocalDate.now().toString());
        body.put("assessor", "peter.probation");
        body.put("engagement", "MODERATE");
        body.put("intent", "LOW");
        body.put("capability", "LOW");
        body.put("overall", "MODERATE");
        body.put("rationale", "Reviewed after the concern and the missed appointment; more time with the group.");
        body.put("factorSet", "extremism-spj");
        body.put("factorSetVersion", 2);
        body.put("factors", factors);
        body.put("prompt", notice);
        return body;
    }

    /** Both of peter's changes about the person, permitted, as the auditor reads them. */
    private static Boolean changesSeen(DemoClient auditor, String person) {
        DemoClient.Answer records = auditor.get("/audit/v1/records?person=" + person
                + "&action=CHANGE_REST&outcome=permit&actor=peter.probation");
        if (records.status() != 200) {
            return null;
        }
        boolean assessed = false;
        boolean planned = false;
        for (JsonNode entry : records.body().path("records")) {
            String category = entry.path("record").path("resource").path("category").asText();
            assessed |= "risk.assessment".equals(category);
            planned |= "plan.sentence".equals(category);
        }
        return assessed && planned ? Boolean.TRUE : null;
    }
}
