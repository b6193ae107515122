package org.interlock.prisons.referral;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.interlock.contracts.Agency;
import org.interlock.testing.KafkaPostgresResource;
import org.interlock.testing.TestActor;
import org.interlock.testing.service.ReferralContract;

/** Prisons refers (before release the offender manager is the statutory lead). */
@QuarkusTest
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "prisons"))
class ReferralTest extends ReferralContract {

    @Override
    protected Agency agency() {
        return Agency.PRISONS;
    }

    @Override
    protected TestActor lead() {
        return TestActor.of("olivia.prison", "prisons", null, "offender-manager");
    }
}
