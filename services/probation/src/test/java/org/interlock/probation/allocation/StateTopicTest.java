package org.interlock.probation.allocation;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.interlock.contracts.Agency;
import org.interlock.testing.KafkaPostgresResource;
import org.interlock.testing.service.StateTopicContract;

/** The probation service keeps the allocations in force on its state topic. */
@QuarkusTest
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "probation"))
class StateTopicTest extends StateTopicContract {

    @Override
    protected Agency agency() {
        return Agency.PROBATION;
    }

    @Override
    protected String allocationRole() {
        return "PROBATION_PRACTITIONER";
    }
}
