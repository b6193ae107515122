package org.interlock.e2e.federation;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.interlock.e2e.gateway.Auditor;
import org.interlock.e2e.gateway.GatewayClient;
import org.interlock.stack.demo.FederationScenario;
import org.interlock.stack.federation.FederationLayout;
import org.interlock.testing.FederatedTestStack;
import org.interlock.testing.KeycloakTokens;
import org.interlock.testing.TestKeycloak;

/** The two federated deployments as the tests see them: home's practitioner, each side's auditor, the peer door. */
final class Deployments {

    /** How long an envelope may take to cross, retries included; a bound for polling, not a speed to meet. */
    static final Duration CROSSED = Duration.ofSeconds(90);
    static final String ENVELOPES = "/federation/v1/envelopes";

    final FederatedTestStack stack = FederatedTestStack.shared();
    final FederationScenario scenario = new FederationScenario(stack.homeUrl(), stack.abroadUrl(),
            TestKeycloak.shared().url());
    final GatewayClient peter = GatewayClient.as(stack.homeUrl(), "peter.probation", "public-protection");
    final Auditor homeAuditor = new Auditor(stack.homeUrl());
    final Auditor abroadAuditor = new Auditor(GatewayClient.withToken(stack.abroadUrl(),
            KeycloakTokens.accessToken(FederationLayout.ABROAD_REALM, "aud.auditor.abroad"), null));

    /** What home holds from abroad about the person, as its practitioner reads it. */
    List<JsonNode> heldAtHome(String person) {
        GatewayClient.Answer held = peter.get("/federation/v1/received?person=" + person);
        if (held.status() != 200) {
            throw new AssertionError("GET received: " + held.status() + " " + held.body());
        }
        List<JsonNode> items = new ArrayList<>();
        held.body().forEach(items::add);
        return items;
    }

    /** Waits until home holds {@code count} items about the person. */
    List<JsonNode> awaitHeldAtHome(String person, int count) {
        await().atMost(CROSSED).pollInterval(Duration.ofMillis(500)).until(() -> heldAtHome(person).size() >= count);
        return heldAtHome(person);
    }

    /**
     * What one side's audit trail says crossed the border about the person, sorted: "SEND_ENVELOPE PERMIT queued
     * to federation:home by agreement ..." (or by the member of staff who answered, asked) and "RECEIVE_ENVELOPE
     * PERMIT accepted from federation:abroad".
     */
    static List<String> envelopeRecords(Auditor auditor, String person) {
        List<String> summaries = new ArrayList<>();
        auditor.records("person=" + person + "&action=SEND_ENVELOPE").forEach(entry -> summaries.add(
                decided(entry) + " to " + entry.record().path("resource").path("id").asText() + " by "
                        + (entry.record().has("agreement") ? "agreement " + entry.record().path("agreement").asText()
                                : entry.actor())));
        auditor.records("person=" + person + "&action=RECEIVE_ENVELOPE").forEach(entry -> summaries.add(
                decided(entry) + " from " + entry.actor()));
        return summaries.stream().sorted().toList();
    }

    private static String decided(Auditor.Entry entry) {
        return entry.action() + " " + entry.outcome() + " " + entry.reason();
    }

    /** Home's refusals of envelopes that claimed to be abroad's: "reason envelopeId" each. */
    List<String> refusedAtHome() {
        return homeAuditor.records("action=RECEIVE_ENVELOPE&outcome=deny").stream()
                .filter(entry -> entry.actor().equals("federation:" + FederationLayout.ABROAD))
                .map(entry -> entry.reason() + " " + entry.record().path("requestId").asText()).toList();
    }

    /** A compact JWS posted to home's peer interface, as a peer (or whoever poses as one) would: no realm token. */
    GatewayClient.Answer postToHome(String compact) {
        return GatewayClient.withToken(stack.homeUrl(), null, null).post(ENVELOPES, "application/jose", compact);
    }
}
