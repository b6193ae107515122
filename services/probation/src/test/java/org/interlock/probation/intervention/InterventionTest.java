package org.interlock.probation.intervention;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.interlock.contracts.Agency;
import org.interlock.testing.KafkaPostgresResource;
import org.interlock.testing.TestActor;
import org.interlock.testing.service.InterventionContract;

/** Probation arranges interventions (the allocated probation practitioner is the statutory lead). */
@QuarkusTest
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "probation"))
class InterventionTest extends InterventionContract {

    @Override
    protected Agency agency() {
        return Agency.PROBATION;
    }

    @Override
    protected TestActor lead() {
        return TestActor.of("peter.probation", "probation", null, "probation-officer");
    }
}
