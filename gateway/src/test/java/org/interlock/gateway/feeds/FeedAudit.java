package org.interlock.gateway.feeds;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import org.interlock.testing.TestTokens;

/** The auditor's view of what the feeds pushed, and refused to push, about a person. */
final class FeedAudit {

    private static final String AUDITOR = TestTokens.person("aud.auditor", "oversight", null, "secret", "auditor");

    private FeedAudit() {
    }

    /**
     * The PUSH_FEED records about {@code person}, one line each, sorted:
     * {@code "<subject> PERMIT <agreement> <category> withheld=<paths>"} or
     * {@code "<subject> DENY <reason> <category>"}.
     */
    static List<String> pushedAbout(String person) {
        List<Map<String, Object>> records = given().auth().oauth2(AUDITOR).queryParam("person", person)
                .queryParam("action", "PUSH_FEED").queryParam("limit", 1000).get("/audit/v1/records").then()
                .statusCode(200).extract().jsonPath().getList("records.record");
        return records.stream().map(FeedAudit::line).sorted().toList();
    }

    @SuppressWarnings("unchecked")
    private static String line(Map<String, Object> record) {
        Map<String, Object> actor = (Map<String, Object>) record.get("actor");
        Map<String, Object> decision = (Map<String, Object>) record.get("decision");
        Map<String, Object> resource = (Map<String, Object>) record.get("resource");
        String subject = actor.get("subject") + " " + decision.get("outcome") + " ";
        if ("PERMIT".equals(decision.get("outcome"))) {
            Object withheld = record.get("redactedFields");
            return subject + record.get("agreement") + " " + resource.get("category") + " withheld="
                    + (withheld == null ? List.of() : withheld);
        }
        return subject + decision.get("reason") + " " + resource.get("category");
    }

    /** One permit line, as {@link #pushedAbout} writes it. */
    static String permit(String subject, String agreement, String category, String... withheld) {
        return subject + " PERMIT " + agreement + " " + category + " withheld=" + List.of(withheld);
    }

    /** One refusal line, as {@link #pushedAbout} writes it. */
    static String deny(String subject, String reason, String category) {
        return subject + " DENY " + reason + " " + category;
    }
}
