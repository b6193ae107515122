package org.interlock.gateway.exchange;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The gateway with its exchange running (other gateway tests run without it). */
public class ExchangeProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("interlock.exchange.enabled", "true", "interlock.exchange.group", "exchange-test");
    }
}
