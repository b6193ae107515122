package org.interlock.gateway.federation.requests;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The time limits of requests for information (Directive (EU) 2023/977 art. 5(1); ADR 0021). */
@ConfigMapping(prefix = "interlock.federation.deadline")
public interface DeadlineConfig {

    /** An urgent request: answered within this from its receipt (the Directive's 8 hours). */
    @WithDefault("8h")
    Duration urgent();

    /** Any other request (the Directive's 7 calendar days). */
    @WithDefault("7d")
    Duration notUrgent();

    /** How often each replica looks for requests whose deadline passed unanswered. */
    @WithDefault("1m")
    Duration checkInterval();
}
