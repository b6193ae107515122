package org.interlock.gateway.audit;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import io.restassured.specification.RequestSpecification;
import org.interlock.audit.head.SignedTreeHead;
import org.interlock.audit.head.TreeHeadJson;
import org.interlock.audit.merkle.NodeHash;
import org.interlock.gateway.enforcement.UpstreamStub;
import org.interlock.testing.TestTokens;

/** People, records and calls shared by the audit trail tests. */
final class AuditFixtures {

    static final String AUDITOR = TestTokens.person("aud.auditor", "oversight", null, "secret", "auditor");
    static final String OLIVIA = TestTokens.person("olivia.prison", "prisons", null, "official-sensitive", "offender-manager");
    static final String FRED = TestTokens.person("fred.faith", "partners", "faith-bridge", "official", "partner-caseworker");
    static final String ANA = TestTokens.person("ana.analyst", "intelligence", null, "secret", "analyst");
    static final String PETER = TestTokens.person("peter.probation", "probation", null, "official-sensitive",
            "probation-officer");
    static final String PAT = TestTokens.person("pat.admin", "oversight", null, "secret", "policy-admin");
    static final String EMERGENCY = "person returned to custody overnight, recall papers needed now";

    private AuditFixtures() {
    }

    static RequestSpecification auditor() {
        return given().auth().oauth2(AUDITOR);
    }

    /** Olivia reads the custody episode of {@code person} through the gateway (her own agency's record). */
    static String oliviaReadsCustody(String person) {
        String id = UUID.randomUUID().toString();
        UpstreamStub.answer("GET", "/prisons/api/v1/custody-episodes/" + id, 200, """
                {"id":"%s","person":"%s","prisonNumber":"A1234BC","establishment":"HMP Frankland","status":"IN_CUSTODY",
                 "securityCategory":"B","receivedOn":"2025-01-10","releaseDate":"2026-12-01","releasedOn":null}"""
                .formatted(id, person));
        given().auth().oauth2(OLIVIA).header("X-Purpose-Of-Use", "case-management")
                .header("X-Correlation-Id", "req-" + id)
                .get("/api/v1/prisons/custody-episodes/" + id).then().statusCode(200);
        return id;
    }

    /**
     * Peter (probation), who has nobody on his caseload here, reads a prisons custody episode of
     * {@code person} by breaking the glass; returns the sequence of the break-glass record.
     */
    static long peterBreaksGlass(String person) {
        String id = UUID.randomUUID().toString();
        UpstreamStub.answer("GET", "/prisons/api/v1/custody-episodes/" + id, 200, """
                {"id":"%s","person":"%s","prisonNumber":"A1234BC","establishment":"HMP Frankland","status":"IN_CUSTODY",
                 "securityCategory":"B","receivedOn":"2025-01-10","releaseDate":"2026-12-01","releasedOn":null}"""
                .formatted(id, person));
        given().auth().oauth2(PETER).header("X-Purpose-Of-Use", "public-protection")
                .header("X-Break-Glass-Reason", EMERGENCY)
                .get("/api/v1/prisons/custody-episodes/" + id).then().statusCode(200);
        List<Long> sequences = auditor().queryParam("person", person).queryParam("breakGlass", "true")
                .queryParam("actor", "peter.probation").get("/audit/v1/records").then().statusCode(200)
                .extract().jsonPath().getList("records.sequence", Long.class);
        return sequences.getLast();
    }

    /** The REST disclosure records the auditor API lists for a person, as JSON. */
    static List<java.util.Map<String, Object>> recordsAbout(String person) {
        return auditor().queryParam("person", person).queryParam("action", "DISCLOSE_REST").get("/audit/v1/records")
                .then().statusCode(200).extract().jsonPath().getList("records.record");
    }

    /** The signed tree head of that size, exactly as published. */
    static SignedTreeHead headAt(long size) {
        return TreeHeadJson.decode(auditor().get("/audit/v1/tree-heads/" + size).then().statusCode(200)
                .extract().asByteArray());
    }

    static List<NodeHash> hashes(List<String> hex) {
        return hex.stream().map(NodeHash::fromHex).toList();
    }

    static NodeHash leafHashOf(String leaf) {
        return org.interlock.audit.merkle.TreeHasher.leafHash(leaf.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] unhex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
