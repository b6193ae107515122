package org.interlock.gateway.audit;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Reviews fall overdue after two seconds, and the gateway looks twice a second. */
public class ReviewOverdueProfile implements QuarkusTestProfile {

    static final long OVERDUE_AFTER_SECONDS = 2;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("interlock.audit.review-overdue-after", OVERDUE_AFTER_SECONDS + "s",
                "interlock.audit.review-check-interval", "500ms");
    }
}
