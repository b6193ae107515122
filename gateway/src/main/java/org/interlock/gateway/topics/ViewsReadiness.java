package org.interlock.gateway.topics;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN until this replica's views have read their topics up to the end offsets those had when it
 * started: the state topics and consents (caseloads, referrals, restrictions, organisations,
 * consents) and the feed log's window of the events topics. A replica that decided on a
 * half-read view could hold a grant without its withdrawal. Afterwards UP for good: the views
 * then follow the topics as they grow (ADR 0012).
 */
@Readiness
@ApplicationScoped
public class ViewsReadiness implements HealthCheck {

    static final String NAME = "Views caught up";

    private final StateTopicsReader state;
    private final AgencyTopicsReader feed;

    public ViewsReadiness(StateTopicsReader state, AgencyTopicsReader feed) {
        this.state = state;
        this.feed = feed;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        describe(response, "state", state.reader());
        describe(response, "feed", feed.reader());
        return response.status(state.reader().caughtUp() && feed.reader().caughtUp()).build();
    }

    private static void describe(HealthCheckResponseBuilder response, String name, TopicReader reader) {
        response.withData(name + "Records", reader.recordsRead());
        if (reader.caughtUp()) {
            response.withData(name + "CaughtUpMs", reader.caughtUpAfterMillis());
        } else {
            response.withData(name + "Behind", reader.behind());
        }
    }
}
