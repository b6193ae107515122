package org.interlock.agency.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.interlock.contracts.Agency;

/** What makes an agency service this agency's: its identity and how its outbox behaves. */
@ConfigMapping(prefix = "interlock")
public interface AgencyConfig {

    /** The agency this service is the system of record for: prisons, probation, intelligence, partners. */
    String agency();

    /** Outbox relay settings. */
    Outbox outbox();

    default Agency agencyId() {
        return Agency.fromId(agency());
    }

    interface Outbox {
        /** How many events the relay publishes per round. */
        @WithDefault("200")
        int batchSize();

        /** How long published rows are kept before they are pruned. */
        @WithDefault("P7D")
        Duration retention();
    }
}
