package org.interlock.people.actor;

import static io.restassured.RestAssured.given;
import static org.interlock.people.Requests.PRISON_OFFICER;
import static org.interlock.people.Requests.as;
import static org.interlock.people.Requests.identity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.interlock.contracts.PersonReference;
import org.interlock.platform.actor.ActorAssertion;
import org.interlock.platform.actor.ActorKey;
import org.interlock.testing.KafkaPostgresResource;
import org.interlock.testing.TestActor;
import org.interlock.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * While the index's actor secret is rotated, it accepts the gateway's assertions MACed with the
 * new secret and with the previous one, and no other (ADR 0011, the chart's {@code actor.people}).
 */
@QuarkusTest
@TestProfile(RotationTest.Rotating.class)
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "people"))
class RotationTest {

    static final String NEW = ActorKey.newSecret();

    public static class Rotating implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("interlock.actor.secret", NEW, "interlock.actor.key-id", "2",
                    "interlock.actor.previous-secret", TestActor.DEV_SECRETS.get("people"),
                    "interlock.actor.previous-key-id", TestActor.DEV_KEY_ID);
        }
    }

    @Test
    void duringARotationTheNewSecretAndThePreviousOneAreAcceptedAndNoOther() {
        as(PRISON_OFFICER).body(assertion()).post("/api/v1/identities").then().statusCode(201);
        withHeader(signedWith(ActorKey.of("2", NEW))).post("/api/v1/identities").then().statusCode(201);
        withHeader(signedWith(ActorKey.of("3", ActorKey.newSecret()))).post("/api/v1/identities").then().statusCode(401);
    }

    private static Map<String, Object> assertion() {
        return identity(PersonReference.random(), "Ann", "Lee", "1990-01-01");
    }

    private static String signedWith(ActorKey key) {
        return ActorAssertion.issue("olivia.officer", "prisons", null, List.of("offender-manager"), "interlock-gateway",
                "people", "rotation-test", Instant.now()).sign(key);
    }

    private static io.restassured.specification.RequestSpecification withHeader(String header) {
        return given().auth().oauth2(TestTokens.gateway()).header(ActorAssertion.HEADER, header)
                .contentType("application/json").body(assertion());
    }
}
