package org.interlock.probation.health;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.interlock.testing.KafkaPostgresResource;
import org.interlock.testing.health.ReadinessContract;

@QuarkusTest
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "probation"))
class ReadinessTest extends ReadinessContract {
}
