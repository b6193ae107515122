package org.interlock.gateway.topics;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** A gateway started after {@link HistoryBeforeStart}, whose state reader {@link GatedView} holds until the test opens it. */
public class GatedStartProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("interlock.test.views-gate", ViewsAfterRestartTest.GATE);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(HistoryBeforeStart.class));
    }
}
