package org.interlock.gateway.health;

import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.interlock.testing.GatewayResource;
import org.interlock.testing.health.ReadinessContract;

@QuarkusTest
@QuarkusTestResource(GatewayResource.class)
class ReadinessTest extends ReadinessContract {

    /** The gateway reaches its (audit) database through JDBC only; its views must have caught up (ADR 0012). */
    @Override
    protected List<String> expectedChecks() {
        return List.of("Kafka cluster", "Database connections health check", "Views caught up");
    }
}
