package org.interlock.gateway.disclosure;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;
import org.interlock.gateway.policy.TestPolicy;

/**
 * The gateway with its exchange running (a consumer group of its own), feeds open to the table's
 * readers' roles, a policy of the test's own, and a rate limit no table of cases reaches.
 */
public class OneDecisionProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("interlock.exchange.enabled", "true",
                "interlock.exchange.group", "one-decision-test",
                "interlock.feeds.roles", "analyst,probation-officer,partner-caseworker",
                "interlock.policy.directory", TestPolicy.ofResource("disclosure/one-decision-policy.yaml"),
                "interlock.rate-limit.requests-per-second", "1000",
                "interlock.rate-limit.burst", "1000");
    }
}
