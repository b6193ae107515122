package org.interlock.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.interlock.platform.actor.ActorAssertion;

/**
 * Requests to an agency service as the gateway makes them: its bearer token, and on behalf of a
 * member of staff ({@code X-Interlock-Actor}, which every write needs), JSON in and out.
 */
public final class ServiceRequests {

    private ServiceRequests() {
    }

    /** As the gateway, on behalf of {@link TestActor#TESTER}. */
    public static RequestSpecification asGateway() {
        return asGatewayFor(TestActor.TESTER);
    }

    /** As the gateway, on behalf of {@code actor}. */
    public static RequestSpecification asGatewayFor(TestActor actor) {
        return given().auth().oauth2(TestTokens.gateway()).header(ActorAssertion.HEADER, actor.header())
                .contentType(ContentType.JSON);
    }

    /** As the gateway, on behalf of nobody: for the checks that a write needs someone. */
    public static RequestSpecification asGatewayForNobody() {
        return given().auth().oauth2(TestTokens.gateway()).contentType(ContentType.JSON);
    }
}
