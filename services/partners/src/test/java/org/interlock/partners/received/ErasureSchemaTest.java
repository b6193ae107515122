package org.interlock.partners.received;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.interlock.partners.PartnersEvents;
import org.interlock.testing.KafkaPostgresResource;
import org.junit.jupiter.api.Test;

/** Recipients of the erasure confirmation can fetch its schema, like every other partners event's. */
@QuarkusTest
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "partners"))
class ErasureSchemaTest {

    @Test
    void theConfirmationSchemaIsPublished() {
        String type = PartnersEvents.ERASURE_CONFIRMED.name();
        given().get("/schemas").then().statusCode(200)
                .body("type", hasItem(type))
                .body("find { it.type == '" + type + "' }.category", equalTo("partner.erasure"))
                .body("find { it.type == '" + type + "' }.classification", equalTo("official"));
        given().get("/schemas/" + type).then().statusCode(200)
                .body("$id", equalTo("urn:interlock:schema:" + type));
    }
}
