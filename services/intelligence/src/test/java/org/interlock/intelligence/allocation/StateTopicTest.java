package org.interlock.intelligence.allocation;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.interlock.contracts.Agency;
import org.interlock.testing.KafkaPostgresResource;
import org.interlock.testing.service.StateTopicContract;

/** The intelligence service keeps the allocations in force on its state topic. */
@QuarkusTest
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "intelligence"))
class StateTopicTest extends StateTopicContract {

    @Override
    protected Agency agency() {
        return Agency.INTELLIGENCE;
    }

    @Override
    protected String allocationRole() {
        return "INTELLIGENCE_OFFICER";
    }
}
