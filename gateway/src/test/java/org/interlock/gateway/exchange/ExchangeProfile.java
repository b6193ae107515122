package org.interlock.gateway.exchange;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;
import org.interlock.gateway.policy.TestPolicy;

/**
 * The gateway with its exchange running (other gateway tests run without it), under the starter
 * policy and two agreements of the tests' own: intelligence reports to probation under handling
 * code P (so that only the handling code decides whether a report travels), and releases to
 * lantern-trust on consent (so that only its suspension decides whether it receives).
 */
public class ExchangeProfile implements QuarkusTestProfile {

    static final String AGREEMENTS = """
              - id: test-reports-to-probation
                from: intelligence
                to: probation
                categories: [intel.report]
                purposes: [public-protection]
                maxClassification: secret
                handling: [P]
                legalBasis: statutory:test
              - id: test-releases-to-lantern-trust
                from: prisons
                to: org:lantern-trust
                categories: [custody.release]
                purposes: [resettlement]
                maxClassification: official-sensitive
                fields: [$.person, $.releaseDate]
                releaseAs: official
                legalBasis: consent
            """;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("interlock.exchange.enabled", "true", "interlock.exchange.group", "exchange-test",
                "interlock.policy.directory", TestPolicy.starterWith(AGREEMENTS));
    }
}
