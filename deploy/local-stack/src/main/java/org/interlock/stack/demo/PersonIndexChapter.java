package org.interlock.stack.demo;

import static org.interlock.stack.demo.DemoScenario.await;
import static org.interlock.stack.demo.DemoScenario.say;
import static org.interlock.stack.demo.DemoScenario.wouldRead;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The demo's last chapter, the person index (ADR 0014): probation supervised the same man years
 * ago under another person reference. Each agency asserts the identity it holds of a person on its
 * own staff's caseload; the index proposes the link and links nobody itself, even when the
 * practitioner copies the prison number; an identity manager confirms; then the prison offender
 * manager's caseload reaches probation's earlier record, by the same rule as her own person's.
 */
final class PersonIndexChapter {

    private static final Map<String, Object> OLIVIA = Map.of("username", "olivia.prison", "agency", "prisons",
            "clearance", "official-sensitive", "roles", List.of("offender-manager"));
    private static final String BORN = "1991-03-14";

    private final String gateway;
    private final String keycloak;

    PersonIndexChapter(String gateway, String keycloak) {
        this.gateway = gateway;
        this.keycloak = keycloak;
    }

    /** {@code person} is the demo's person, received into prison with prison number A7391QZ. */
    void run(String person) {
        DemoClient olivia = DemoClient.as(gateway, keycloak, "olivia.prison", "case-management");
        DemoClient peter = DemoClient.as(gateway, keycloak, "peter.probation", "case-management");
        DemoClient tara = DemoClient.as(gateway, keycloak, "tara.probationlead", "case-management");
        DemoClient pat = DemoClient.as(gateway, keycloak, "pat.admin", "oversight");
        String earlier = "urn:interlock:person:" + UUID.randomUUID();

        DemoClient.expect(201, tara.post("/api/v1/probation/allocations", Map.of("person", earlier,
                "staff", "peter.probation", "role", "PROBATION_PRACTITIONER",
                "startsOn", LocalDate.now().toString())), "allocation to the earlier reference");
        await(() -> peter.post("/api/v1/people/identities", identity(earlier, "crn:X730142", "Yusef", "Rahmen"))
                .status() == 201 ? "asserted" : null, "the gateway to count peter.probation's earlier case");
        say("peter.probation asserted probation's earlier record " + earlier + " (CRN X730142, 'Yusef Rahmen')");
        DemoClient.expect(201, olivia.post("/api/v1/people/identities",
                identity(person, "prison-number:A7391QZ", "Yusuf", "Rahman")), "the prison's identity");
        String copied = peter.post("/api/v1/people/identities", identity(earlier, "prison-number:A7391QZ", "Yusef",
                "Rahmen")).body().path("outcome").asText();
        say("olivia.prison asserted the prison's (A7391QZ, 'Yusuf Rahman'); peter.probation copying the prison "
                + "number under his own reference links nobody either: " + copied);
        say("would olivia.prison read probation's earlier supervision case? "
                + wouldRead(pat, OLIVIA, "probation", "supervision.case", earlier, "case-management"));

        JsonNode item = await(() -> proposal(tara, earlier, person), "the index to propose the link");
        String merge = DemoClient.expect(200, tara.post("/api/v1/people/reviews/" + item.path("id").asText()
                + "/confirm", Map.of()), "confirmation").body().path("merge").asText();
        say("tara.probationlead (identity manager) confirmed the " + item.path("grade").asText() + " proposal: merge "
                + merge);
        await(() -> wouldRead(pat, OLIVIA, "probation", "supervision.case", earlier, "case-management")
                .equals("PERMIT") ? "permit" : null, "the gateway to read the link");
        say("would olivia.prison read probation's earlier supervision case now? PERMIT (one person, her caseload)");
    }

    /** An open review item proposing that the two are one person, whichever was asserted first. */
    private static JsonNode proposal(DemoClient manager, String one, String other) {
        DemoClient.Answer items = manager.get("/api/v1/people/reviews");
        if (items.status() != 200) {
            return null;
        }
        for (JsonNode item : items.body()) {
            List<String> pair = List.of(item.path("person").asText(), item.path("candidate").asText());
            if (pair.contains(one) && pair.contains(other)) {
                return item;
            }
        }
        return null;
    }

    private static Map<String, Object> identity(String person, String identifier, String given, String family) {
        return Map.of("person", person, "identifiers", List.of(identifier),
                "name", Map.of("given", given, "family", family), "dateOfBirth", BORN);
    }
}
