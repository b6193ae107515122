package org.interlock.prisons.restriction;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.interlock.contracts.Agency;
import org.interlock.testing.KafkaPostgresResource;
import org.interlock.testing.TestActor;
import org.interlock.testing.service.RestrictionContract;

/** The prisons service keeps a person's records for named staff. */
@QuarkusTest
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "prisons"))
class RestrictionTest extends RestrictionContract {

    @Override
    protected Agency agency() {
        return Agency.PRISONS;
    }

    @Override
    protected TestActor manager() {
        return TestActor.of("tom.prisonlead", "prisons", null, "team-manager");
    }
}
