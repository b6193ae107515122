package org.interlock.prisons.intervention;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.interlock.contracts.Agency;
import org.interlock.testing.KafkaPostgresResource;
import org.interlock.testing.TestActor;
import org.interlock.testing.service.InterventionContract;

/** Prisons arrange interventions in custody (the prison offender manager leads before release). */
@QuarkusTest
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "prisons"))
class InterventionTest extends InterventionContract {

    @Override
    protected Agency agency() {
        return Agency.PRISONS;
    }

    @Override
    protected TestActor lead() {
        return TestActor.of("olivia.prison", "prisons", null, "offender-manager");
    }
}
