package org.interlock.testing.health;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.util.List;

import org.interlock.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every Interlock application's readiness must show: its real dependencies, followed down
 * and up again. An application's test extends this, annotated {@code @QuarkusTest} with
 * {@code KafkaPostgresResource}.
 */
public abstract class ReadinessContract {

    private static final Duration OUTAGE_NOTICED = Duration.ofSeconds(30);

    @AfterEach
    void restoreInfrastructure() {
        TestInfrastructure.shared().postgres().start();
        TestInfrastructure.shared().kafka().start();
    }

    @Test
    void readyWhenDatabaseAndKafkaAreUp() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(expectedChecks().toArray(String[]::new)));
    }

    /** The checks readiness must list: Kafka and both PostgreSQL clients, unless an application uses one only. */
    protected List<String> expectedChecks() {
        return List.of("Kafka cluster", "Reactive PostgreSQL connections health check",
                "Database connections health check");
    }

    @Test
    void notReadyWhileTheDatabaseIsDownAndReadyAgainWhenItReturns() {
        TestInfrastructure.shared().postgres().stop();
        awaitReadiness(503, "DOWN");

        TestInfrastructure.shared().postgres().start();
        awaitReadiness(200, "UP");
    }

    @Test
    void notReadyWhileKafkaIsDownAndReadyAgainWhenItReturns() {
        TestInfrastructure.shared().kafka().stop();
        awaitReadiness(503, "DOWN");

        TestInfrastructure.shared().kafka().start();
        awaitReadiness(200, "UP");
    }

    private static void awaitReadiness(int status, String state) {
        await().atMost(OUTAGE_NOTICED).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(status).body("status", equalTo(state)));
    }
}
