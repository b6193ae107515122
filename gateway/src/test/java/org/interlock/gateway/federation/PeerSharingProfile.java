package org.interlock.gateway.federation;

import java.util.HashMap;
import java.util.Map;

import org.interlock.gateway.policy.TestPolicy;

/**
 * The federating gateway ("home", peer "nl") with its exchange running, under the starter policy and the tests'
 * own cross-border agreement: intelligence reports (handling code P) go to nl, which may pass them on to its
 * probation service without asking and hold them 30 days; and, for what nl sends here, probation may release a
 * report it holds to intelligence.
 */
public class PeerSharingProfile extends FederationProfile {

    static final String AGREEMENTS = """
              - id: test-reports-to-nl
                from: intelligence
                to: federation:nl
                categories: [intel.report]
                purposes: [public-protection]
                maxClassification: secret
                handling: [P]
                legalBasis: statutory:Directive (EU) 2023/977 art. 7
                onwardTo: [probation]
                askBeforeOnward: false
                keepFor: P30D
              - id: test-received-reports-to-intelligence
                from: probation
                to: intelligence
                categories: [intel.report]
                purposes: [public-protection]
                maxClassification: secret
                legalBasis: statutory:test
            """;

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("interlock.exchange.enabled", "true");
        config.put("interlock.exchange.group", "peer-sharing-test");
        config.put("interlock.policy.directory", TestPolicy.starterWith(AGREEMENTS));
        return config;
    }
}
