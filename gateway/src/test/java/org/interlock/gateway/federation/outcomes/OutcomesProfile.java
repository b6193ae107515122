package org.interlock.gateway.federation.outcomes;

import java.util.HashMap;
import java.util.Map;

import org.interlock.gateway.federation.FederationKeys;
import org.interlock.gateway.federation.FederationProfile;
import org.interlock.gateway.policy.TestPolicy;

/**
 * The federating gateway ("home") with its exchange running and two anchored peers: "nl", to which agreements let
 * both arranging agencies' aggregate outcomes go, and "de", to which one lets prisons' (not probation's) go. The
 * minimum cell is the default, 5.
 */
public class OutcomesProfile extends FederationProfile {

    static final String AGREEMENTS = """
              - id: test-prisons-outcomes-to-nl
                from: prisons
                to: federation:nl
                categories: [intervention-outcomes]
                purposes: [oversight]
                maxClassification: official
                legalBasis: statutory:test
              - id: test-probation-outcomes-to-nl
                from: probation
                to: federation:nl
                categories: [intervention-outcomes]
                purposes: [oversight]
                maxClassification: official
                legalBasis: statutory:test
              - id: test-prisons-outcomes-to-de
                from: prisons
                to: federation:de
                categories: [intervention-outcomes]
                purposes: [oversight]
                maxClassification: official
                legalBasis: statutory:test
            """;

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        writeAnchors(FederationKeys.anchors(false) + """
                  - id: de
                    gateway: http://127.0.0.1:9
                    keys:
                      - publicKey: MCowBQYDK2VwAyEAZwyS+tL8/R+niqBTg8Gk5nTeFfmTJ/qwidabLCWPb4Q=
                        notBefore: 2026-01-01T00:00:00Z
                        notAfter: 2036-01-01T00:00:00Z
                """);
        config.put("interlock.exchange.enabled", "true");
        config.put("interlock.exchange.group", "outcomes-test");
        config.put("interlock.policy.directory", TestPolicy.starterWith(AGREEMENTS));
        return config;
    }
}
