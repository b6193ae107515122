package org.interlock.gateway.federation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.interlock.policy.language.Recipient;
import org.interlock.policy.loading.PolicyException;
import org.interlock.policy.loading.PolicySource;
import org.interlock.policy.loading.PolicyStore;
import org.interlock.testing.GatewayResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The peer interface is the one way into the gateway without a realm token, and the trust anchors are what the
 * policy may name as federation recipients.
 */
@QuarkusTest
@TestProfile(FederationProfile.class)
@QuarkusTestResource(GatewayResource.class)
class PeerInterfaceAccessTest {

    private static final String PEER_INTERFACE = "POST /federation/v1/envelopes";
    private static final String ANY_ID = "00000000-0000-4000-8000-000000000000";

    @Inject
    Federation federation;

    @Test
    void everyOperationButThePeerInterfaceAsksForARealmToken() throws IOException {
        JsonNode paths = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").asString())
                .path("paths");
        List<String> open = new ArrayList<>();
        List<String> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                String operation = method + " " + path.getKey();
                operations.add(operation);
                String target = concrete(path.getKey(), path.getValue().path(method.toLowerCase()));
                int status = given().header("X-Purpose-Of-Use", "case-management").contentType("application/json")
                        .body("{}").request(method, target).statusCode();
                if (status != 401) {
                    open.add(operation + " -> " + status);
                }
            }
        }

        assertTrue(operations.size() > 20, "the document lists the gateway's operations: " + operations);
        assertTrue(operations.contains(PEER_INTERFACE));
        assertEquals(List.of(PEER_INTERFACE + " -> 400"), open, "open without a token");
    }

    /**
     * The path with each parameter replaced by a value it takes: the first of its enumeration or of the words its
     * pattern allows ({@code confirm|reject}), else an id.
     */
    private static String concrete(String template, JsonNode operation) {
        String target = template;
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode values = parameter.path("schema").path("enum");
            String pattern = parameter.path("schema").path("pattern").asText("");
            String value = values.isArray() && !values.isEmpty() ? values.get(0).asText()
                    : pattern.matches("[a-z-]+(\\|[a-z-]+)*") ? pattern.split("\\|")[0] : null;
            if ("path".equals(parameter.path("in").asText()) && value != null) {
                target = target.replace("{" + parameter.path("name").asText() + "}", value);
            }
        }
        return target.replaceAll("\\{[^}]+}", ANY_ID);
    }

    @Test
    void anAgreementToAnAnchoredPeerLoadsAndToAnyOtherIsALoadErrorNamingFileAndLine(@TempDir Path dir)
            throws IOException, PolicyException {
        Files.writeString(dir.resolve(PolicySource.POLICY_FILE), policyTo("federation:nl"));
        assertEquals(new Recipient.OfPeer("nl"), new PolicyStore(PolicySource.directory(dir), federation.knownPeers())
                .reload().agreements().getFirst().to());

        Files.writeString(dir.resolve(PolicySource.POLICY_FILE), policyTo("federation:be"));
        PolicyException e = assertThrows(PolicyException.class,
                () -> new PolicyStore(PolicySource.directory(dir), federation.knownPeers()).reload());

        assertEquals(dir.resolve(PolicySource.POLICY_FILE) + ":9: unknown peer 'be' in federation:be: not among the"
                + " trust anchors", e.getMessage());
    }

    private static String policyTo(String recipient) {
        return String.join("\n",
                "version: f-1",
                "purposes: [public-protection]",
                "categories: [intel.summary]",
                "staff:",
                "  roles: [analyst]",
                "agreements:",
                "  - id: summaries-abroad",
                "    from: intelligence",
                "    to: " + recipient,
                "    categories: [intel.summary]",
                "    purposes: [public-protection]",
                "    maxClassification: official-sensitive",
                "    legalBasis: statutory:Directive (EU) 2023/977 art. 7") + "\n";
    }
}
