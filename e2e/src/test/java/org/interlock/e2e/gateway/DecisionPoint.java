package org.interlock.e2e.gateway;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the gateway's decision point would decide now, asked by the policy administrator
 * ({@code pat.admin}, {@code POST /policy/v1/decisions}) without seeing any data. Tests wait on it,
 * as the demo does, until the gateway has read what was just done elsewhere (an allocation, a
 * referral's acceptance, a registration or a suspension) before they take the next step: every
 * step is then expected to succeed, or to be refused, on its own merits and not on timing.
 */
public final class DecisionPoint {

    private static final Duration PROPAGATION = Duration.ofSeconds(60);

    /** A member of staff as their token describes them. */
    public record Subject(String username, String agency, String org, String clearance, List<String> roles) {

        public static final Subject PETER = new Subject("peter.probation", "probation", null, "official-sensitive",
                List.of("probation-officer"));
        public static final Subject OLIVIA = new Subject("olivia.prison", "prisons", null, "official-sensitive",
                List.of("offender-manager"));
        public static final Subject MIA = new Subject("mia.mentor", "partners", "horizon-mentoring", "official",
                List.of("partner-caseworker"));

        /** A caseworker of a partner organisation: what the decision point says of its staff. */
        public static Subject caseworkerOf(String org) {
            return new Subject("caseworker." + org, "partners", org, "official", List.of("partner-caseworker"));
        }
    }

    /** What it would decide, and why not. */
    public record Verdict(String decision, String reason) {
        public boolean permits() {
            return "permit".equalsIgnoreCase(decision);
        }
    }

    private final GatewayClient admin;

    public DecisionPoint(String gateway) {
        this.admin = GatewayClient.as(gateway, "pat.admin", "oversight");
    }

    /** Would the subject read, for the purpose, a record of the category about the person (null: anyone)? */
    public Verdict wouldRead(Subject subject, String origin, String category, String person, String purpose) {
        Map<String, Object> resource = new HashMap<>(Map.of("origin", origin, "category", category,
                "classification", "official-sensitive"));
        if (person != null) {
            resource.put("person", person);
        }
        GatewayClient.Answer answer = admin.post("/policy/v1/decisions", Map.of(
                "subject", subject(subject), "action", "read", "resource", resource, "purpose", purpose));
        if (answer.status() != 200) {
            throw new IllegalStateException("The decision point answered " + answer.status() + ": " + answer.body());
        }
        JsonNode body = answer.body();
        return new Verdict(body.path("decision").asText(), body.path("reason").asText(null));
    }

    /** Waits until the decision point would decide as {@code expected} says. */
    public void awaitRead(Subject subject, String origin, String category, String person, String purpose,
            Predicate<Verdict> expected) {
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(200))
                .until(() -> expected.test(wouldRead(subject, origin, category, person, purpose)));
    }

    private static Map<String, Object> subject(Subject subject) {
        Map<String, Object> fields = new HashMap<>(Map.of("username", subject.username(),
                "agency", subject.agency(), "clearance", subject.clearance(), "roles", subject.roles()));
        if (subject.org() != null) {
            fields.put("org", subject.org());
        }
        return fields;
    }
}
