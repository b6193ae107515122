package org.interlock.gateway.federation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.interlock.gateway.enforcement.UpstreamStub;
import org.interlock.testing.GatewayResource;
import org.junit.jupiter.api.Test;

/** A gateway that does not federate (the default) has no peer interface: 404, and nothing is audited. */
@QuarkusTest
@QuarkusTestResource(GatewayResource.class)
@QuarkusTestResource(UpstreamStub.class)
class FederationDisabledTest {

    @Test
    void withoutFederationThePeerInterfaceIsNotFoundAndNothingIsRecorded() {
        long mark = ReceiptAudit.mark();
        String envelope = FederationKeys.signer("nl", FederationKeys.NL)
                .sign(FederationKeys.summary(), FederationKeys.nextSequence()).compact();

        Response answer = given().contentType("application/jose").body(envelope.getBytes(StandardCharsets.US_ASCII))
                .post("/federation/v1/envelopes");

        assertEquals(404, answer.statusCode());
        assertEquals("urn:interlock:problem:not-found", answer.jsonPath().getString("type"));
        assertEquals(0, ReceiptAudit.since(mark).size());
    }
}
