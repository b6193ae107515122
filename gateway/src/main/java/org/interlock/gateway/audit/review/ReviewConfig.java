package org.interlock.gateway.audit.review;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Break-glass reviews: when an open one counts as overdue, and how often the gateway looks. */
@ConfigMapping(prefix = "interlock.audit")
public interface ReviewConfig {

    /** How long a break-glass review may stay open before it is overdue (metric and an alert to the user's agency). */
    @WithName("review-overdue-after")
    @WithDefault("72h")
    Duration reviewOverdueAfter();

    /** How often each replica counts overdue reviews and raises and sends their alerts. */
    @WithName("review-check-interval")
    @WithDefault("1m")
    Duration reviewCheckInterval();
}
