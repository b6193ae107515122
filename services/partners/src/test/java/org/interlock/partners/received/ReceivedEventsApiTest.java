package org.interlock.partners.received;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.interlock.partners.received.PartnerInbox.FAITH;
import static org.interlock.partners.received.PartnerInbox.HORIZON;
import static org.interlock.partners.received.PartnerInbox.asGateway;
import static org.interlock.partners.received.PartnerInbox.deliverCopy;
import static org.interlock.partners.received.PartnerInbox.held;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.interlock.contracts.PersonReference;
import org.interlock.testing.KafkaPostgresResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An organisation reads only its own received copies; bad parameters are answered with problem documents. */
@QuarkusTest
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "partners"))
class ReceivedEventsApiTest {

    private static final String PATH = "/api/v1/received-events";

    @BeforeEach
    void organisations() {
        PartnerInbox.registerOrganisations();
    }

    @Test
    void anOrganisationIsAnsweredWithItsOwnCopiesOnly() {
        String person = PersonReference.random();
        String shared = UUID.randomUUID().toString();
        String faithOnly = UUID.randomUUID().toString();
        String horizonCopy = deliverCopy(HORIZON, person, shared);
        deliverCopy(FAITH, person, shared);
        deliverCopy(FAITH, person, faithOnly);
        await().atMost(Duration.ofSeconds(20)).until(() -> held(FAITH, person).size() == 2);

        asGateway().get(PATH + "?organisation=" + HORIZON + "&person=" + person).then()
                .statusCode(200).body("$", hasSize(1))
                .body("[0].id", equalTo(horizonCopy))
                .body("[0].sourceEventId", equalTo(shared));
        asGateway().get(PATH + "?organisation=" + FAITH + "&person=" + person).then()
                .statusCode(200).body("sourceEventId", equalTo(List.of(shared, faithOnly)));
    }

    @Test
    void missingParametersAreAValidationProblem() {
        asGateway().get(PATH).then()
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:interlock:problem:validation-failed"))
                .body("status", equalTo(422))
                .body("errors.field", equalTo(List.of("organisation", "person")))
                .body("errors.message", equalTo(List.of("must not be null", "must not be null")));
    }

    @Test
    void malformedParametersAreAValidationProblem() {
        asGateway().get(PATH + "?organisation=Horizon Mentoring&person=A1234BC").then()
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:interlock:problem:validation-failed"))
                .body("errors.field", equalTo(List.of("organisation", "person")))
                .body("errors.message", equalTo(List.of("must be an organisation id", "must be urn:interlock:person:<uuid>")));
    }

    @Test
    void aRepeatedOrganisationIsAMalformedRequest() {
        asGateway().get(PATH + "?organisation=" + FAITH + "&organisation=" + HORIZON + "&person=" + PersonReference.random())
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:interlock:problem:malformed-request"))
                .body("detail", equalTo("Query parameter organisation is given more than once"));
    }

    @Test
    void anOrganisationNotRegisteredHereIsNotFound() {
        asGateway().get(PATH + "?organisation=no-such-organisation&person=" + PersonReference.random()).then()
                .statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:interlock:problem:not-found"))
                .body("detail", equalTo("No organisation no-such-organisation"));
    }
}
