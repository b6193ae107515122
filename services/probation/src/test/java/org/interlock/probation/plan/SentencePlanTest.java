package org.interlock.probation.plan;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.interlock.contracts.Agency;
import org.interlock.testing.KafkaPostgresResource;
import org.interlock.testing.ServiceRequests;
import org.interlock.testing.TestActor;
import org.interlock.testing.service.SentencePlanContract;

/** Probation holds the sentence plan of a person it supervises, revised by the allocated probation practitioner. */
@QuarkusTest
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "probation"))
class SentencePlanTest extends SentencePlanContract {

    @Override
    protected Agency agency() {
        return Agency.PROBATION;
    }

    @Override
    protected TestActor lead() {
        return TestActor.of("peter.probation", "probation", null, "probation-officer");
    }

    @Override
    protected String leadRole() {
        return "PROBATION_PRACTITIONER";
    }

    @Override
    protected void inCare(String person) {
        ServiceRequests.asGateway().body(Map.of("person", person, "basis", "LICENCE", "openedOn", "2026-12-01"))
                .post("/api/v1/supervision-cases").then().statusCode(201);
    }
}
