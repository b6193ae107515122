package org.interlock.intelligence.restriction;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.interlock.contracts.Agency;
import org.interlock.testing.KafkaPostgresResource;
import org.interlock.testing.TestActor;
import org.interlock.testing.service.RestrictionContract;

/** The intelligence service keeps a person's records for named staff. */
@QuarkusTest
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "intelligence"))
class RestrictionTest extends RestrictionContract {

    @Override
    protected Agency agency() {
        return Agency.INTELLIGENCE;
    }

    @Override
    protected TestActor manager() {
        return TestActor.of("ivy.intellead", "intelligence", null, "team-manager");
    }
}
