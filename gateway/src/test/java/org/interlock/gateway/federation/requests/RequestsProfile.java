package org.interlock.gateway.federation.requests;

import java.util.HashMap;
import java.util.Map;

import org.interlock.gateway.federation.FederationProfile;
import org.interlock.gateway.policy.TestPolicy;

/**
 * The federating gateway of {@link FederationProfile} ("home", peer "nl") with one cross-border agreement of the
 * tests' own: intelligence summaries (handling code P) to nl for public protection, which nl's probation and
 * intelligence may hold for 30 days; probation's requests for information to nl for public protection (not for risk
 * management), and for safeguarding only without their justification (a projection a request cannot take); and
 * nothing else to nl. The
 * overdue check runs rarely: the tests call it with a time of their choosing.
 */
public class RequestsProfile extends FederationProfile {

    static final String AGREEMENTS = """
              - id: test-summaries-to-nl
                from: intelligence
                to: federation:nl
                categories: [intel.summary]
                purposes: [public-protection]
                maxClassification: official-sensitive
                handling: [P]
                legalBasis: statutory:Directive (EU) 2023/977 art. 7
                onwardTo: [probation, intelligence]
                askBeforeOnward: false
                keepFor: P30D
              - id: test-probation-requests-to-nl
                from: probation
                to: federation:nl
                categories: [information-request]
                purposes: [public-protection]
                maxClassification: official-sensitive
                legalBasis: statutory:Directive (EU) 2023/977 art. 4
              - id: test-probation-requests-without-justification-to-nl
                from: probation
                to: federation:nl
                categories: [information-request]
                purposes: [safeguarding]
                maxClassification: official-sensitive
                fields: [$.person, $.purpose, $.urgency, $.categories, $.questions]
                legalBasis: statutory:Directive (EU) 2023/977 art. 4
            """;

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("interlock.policy.directory", TestPolicy.starterWith(AGREEMENTS));
        config.put("interlock.federation.deadline.check-interval", "1h");
        return config;
    }
}
