package org.interlock.gateway.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;
import org.interlock.gateway.policy.TestPolicy;

/**
 * The exchange running under {@link ExchangeProfile}'s policy, with a rules file of the tests' own
 * beside it: the built-in concern rule, and one that reads intelligence reports, so that the
 * report's handling code alone decides whether probation may hear of a firing.
 */
public class TriggersProfile implements QuarkusTestProfile {

    static final String RULES = """
            version: triggers-test
            rules:
              - id: concern-and-missed-appointment
                description: A partner organisation raised a concern and the person missed an appointment within 14 days.
                when:
                  - category: partner.concern
                  - category: supervision.appointment
                    field: outcome
                    in: [MISSED_ACCEPTABLE, MISSED_UNACCEPTABLE]
                within: 14d
              - id: report-and-missed-appointment
                description: An intelligence report and a missed appointment within 14 days.
                when:
                  - category: intel.report
                  - category: supervision.appointment
                    field: outcome
                    in: [MISSED_ACCEPTABLE, MISSED_UNACCEPTABLE]
                within: 14d
            """;

    @Override
    public Map<String, String> getConfigOverrides() {
        String directory = TestPolicy.starterWith(ExchangeProfile.AGREEMENTS);
        try {
            Files.writeString(Path.of(directory, "triggers.yaml"), RULES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("interlock.exchange.enabled", "true", "interlock.exchange.group", "triggers-test",
                "interlock.policy.directory", directory);
    }
}
