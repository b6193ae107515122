package org.interlock.probation.web;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.interlock.contracts.Agency;
import org.interlock.testing.KafkaPostgresResource;
import org.interlock.testing.service.WhoActsContract;

/** Every write to the probation service names who acts, or is refused. */
@QuarkusTest
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "probation"))
class WhoActsTest extends WhoActsContract {

    @Override
    protected Agency agency() {
        return Agency.PROBATION;
    }
}
