package org.interlock.testing.catalogue;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.interlock.contracts.Agency;
import org.interlock.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The check every agency service runs on itself: its catalogue is true to what it serves and
 * publishes ({@link CatalogueConformance}). A service's {@code CatalogueTest} extends it as a
 * {@code @QuarkusTest} and names its agency.
 */
public abstract class CatalogueConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    protected abstract Agency agency();

    @Test
    void theCatalogueSaysWhatTheServiceServesAndPublishes() throws Exception {
        JsonNode openApi = JSON.readTree(given().accept("application/json").get("/q/openapi?format=json").asString());
        JsonNode schemas = JSON.readTree(get("/schemas"));

        List<String> mismatches = CatalogueConformance.mismatches(agency(), openApi, schemas, type -> {
            try {
                return JSON.readTree(get("/schemas/" + type));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertEquals(List.of(), mismatches);
    }

    private static String get(String path) {
        return given().auth().oauth2(TestTokens.gateway()).get(path).then().statusCode(200).extract().asString();
    }
}
