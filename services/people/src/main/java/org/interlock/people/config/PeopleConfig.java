package org.interlock.people.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.interlock.people.matching.MatchThresholds;

/** The person index's settings. */
@ConfigMapping(prefix = "interlock.people")
public interface PeopleConfig {

    Matching matching();

    /** Outbox relay settings. */
    Outbox outbox();

    interface Matching {
        /** At or above it (and with name-part), two records are linked without asking anyone. */
        @WithDefault("0.94")
        double automatic();

        /** The weaker of given and family name must reach it for an automatic link. */
        @WithDefault("0.88")
        double namePart();

        /** At or above it, a link waits for an identity manager. */
        @WithDefault("0.80")
        double candidate();

        /** How much names count against the date of birth, 0 to 1. */
        @WithDefault("0.6")
        double nameWeight();
    }

    interface Outbox {
        /** How many events the relay publishes per round. */
        @WithDefault("200")
        int batchSize();
    }

    default MatchThresholds thresholds() {
        Matching m = matching();
        return new MatchThresholds(m.automatic(), m.namePart(), m.candidate(), m.nameWeight());
    }
}
