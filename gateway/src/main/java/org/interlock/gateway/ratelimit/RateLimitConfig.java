package org.interlock.gateway.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How much each client may ask of the gateway. */
@ConfigMapping(prefix = "interlock.rate-limit")
public interface RateLimitConfig {

    /** Sustained requests per second per client. */
    @WithDefault("50")
    double requestsPerSecond();

    /** Requests a client may make at once before the sustained rate applies. */
    @WithDefault("100")
    int burst();
}
