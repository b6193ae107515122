package org.interlock.gateway.federation.outcomes;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Aggregate outcomes of interventions, shown here and published to peers (issue 18, ADR 0021). */
@ConfigMapping(prefix = "interlock.federation.outcomes")
public interface OutcomesConfig {

    /**
     * The smallest count shown or published; counts from 1 to one less are suppressed (with a second cell of their
     * row). At least 3: the gateway does not start with less.
     */
    @WithDefault("5")
    int minimumCell();

    /**
     * The one kind of period this deployment compares by, shows and publishes: {@code quarter} or {@code month}.
     * Never both: a month's table and its quarter's, each suppressed, give a suppressed cell away by subtraction.
     */
    @WithDefault("quarter")
    Period.Kind periodKind();
}
