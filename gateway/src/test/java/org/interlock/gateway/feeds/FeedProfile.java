package org.interlock.gateway.feeds;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;
import org.interlock.gateway.policy.TestPolicy;

/**
 * Small buffers, so that a stalled client and a resume beyond retention can be shown quickly; and
 * the starter policy with two agreements of the tests' own for the analysts' feeds: intelligence
 * reports under handling code P (so that only the handling code decides whether a report reaches
 * a feed), and licence conditions with their details redacted (so that both transports can be
 * seen to drop a field).
 */
public class FeedProfile implements QuarkusTestProfile {

    static final String AGREEMENTS = """
              - id: test-reports-to-analysts
                from: intelligence
                to: intelligence
                roles: [analyst]
                actions: [read, subscribe]
                categories: [intel.report]
                purposes: [public-protection]
                maxClassification: secret
                handling: [P]
                requiresCaseload: false
                legalBasis: statutory:test
              - id: test-licence-conditions-to-analysts
                from: probation
                to: intelligence
                roles: [analyst]
                actions: [read, subscribe]
                categories: [licence.conditions]
                purposes: [public-protection]
                maxClassification: official-sensitive
                redact: [$.details]
                requiresCaseload: false
                legalBasis: statutory:test
            """;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("interlock.feeds.buffer-events", "1000", "interlock.feeds.retention-events", "400",
                "interlock.policy.directory", TestPolicy.starterWith(AGREEMENTS));
    }
}
