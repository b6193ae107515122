package org.interlock.probation.restriction;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.interlock.contracts.Agency;
import org.interlock.testing.KafkaPostgresResource;
import org.interlock.testing.TestActor;
import org.interlock.testing.service.RestrictionContract;

/** The probation service keeps a person's records for named staff. */
@QuarkusTest
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "probation"))
class RestrictionTest extends RestrictionContract {

    @Override
    protected Agency agency() {
        return Agency.PROBATION;
    }

    @Override
    protected TestActor manager() {
        return TestActor.of("tara.probationlead", "probation", null, "team-manager");
    }
}
