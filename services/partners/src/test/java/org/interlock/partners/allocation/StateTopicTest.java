package org.interlock.partners.allocation;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.interlock.contracts.Agency;
import org.interlock.testing.KafkaPostgresResource;
import org.interlock.testing.service.StateTopicContract;

/** The partners service keeps the allocations in force on its state topic. */
@QuarkusTest
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "partners"))
class StateTopicTest extends StateTopicContract {

    @Override
    protected Agency agency() {
        return Agency.PARTNERS;
    }

    @Override
    protected String allocationRole() {
        return "PARTNER_CASEWORKER";
    }
}
