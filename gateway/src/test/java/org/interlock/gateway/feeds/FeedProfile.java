package org.interlock.gateway.feeds;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Small buffers, so that a stalled client and a resume beyond retention can be shown quickly. */
public class FeedProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("interlock.feeds.buffer-events", "1000", "interlock.feeds.retention-events", "400");
    }
}
