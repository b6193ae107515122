package org.interlock.prisons.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.interlock.agency.outbox.OutboxRelay;
import org.interlock.contracts.PersonReference;
import org.interlock.testing.KafkaPostgresResource;
import org.interlock.testing.TestInfrastructure;
import org.interlock.testing.ServiceRequests;
import org.interlock.testing.TopicRecorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Nothing committed is lost and nothing is published twice, whatever stops in between. */
@QuarkusTest
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "prisons"))
class OutboxDeliveryTest {

    private static TopicRecorder events;

    @Inject
    OutboxRelay relay;

    @BeforeAll
    static void record() {
        events = new TopicRecorder("interlock.prisons.events");
    }

    @AfterAll
    static void stop() {
        events.close();
    }

    @AfterEach
    void restore() {
        TestInfrastructure.shared().kafka().start();
        relay.resume();
    }

    @Test
    void anEventCommittedWhileTheRelayIsDownIsPublishedExactlyOnceWhenItReturns() {
        relay.suspend();
        String person = PersonReference.random();
        allocate(person, "olivia.prison");

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> events.about(person).isEmpty());

        relay.resume();
        await().atMost(Duration.ofSeconds(15)).until(() -> events.about(person).size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> events.about(person).size() == 1);
    }

    /** 10,000 writes from 8 clients; the broker is stopped and started again in the middle. */
    @Test
    void everyEventOfABurstArrivesOnceAcrossABrokerRestart() throws Exception {
        int writes = 10_000;
        String person = PersonReference.random();
        AtomicInteger done = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<?>> results = new ArrayList<>();
        for (int i = 0; i < writes; i++) {
            String staff = "staff" + i;
            results.add(clients.submit(() -> {
                allocate(person, staff);
                done.incrementAndGet();
            }));
        }
        await().atMost(Duration.ofMinutes(2)).until(() -> done.get() >= writes / 3);
        TestInfrastructure.shared().kafka().stop();
        await().atMost(Duration.ofMinutes(2)).until(() -> done.get() >= 2 * writes / 3);
        TestInfrastructure.shared().kafka().start();
        for (Future<?> result : results) {
            result.get();
        }
        clients.shutdown();

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> events.about(person).size() >= writes);
        List<ConsumerRecord<String, String>> published = events.about(person);
        Set<String> ids = published.stream().map(r -> TopicRecorder.header(r, "ce_id")).collect(Collectors.toSet());
        assertEquals(writes, ids.size(), "every event arrived");
        assertEquals(writes, published.size(), "no event arrived twice");
        assertTrue(published.stream().map(ConsumerRecord::partition).distinct().count() == 1,
                "one person's events share one partition, so their order holds");
    }

    private static void allocate(String person, String staff) {
        ServiceRequests.asGateway()
                .body(Map.of("person", person, "staff", staff, "role", "OFFENDER_MANAGER",
                        "startsOn", LocalDate.of(2026, 1, 5).toString()))
                .post("/api/v1/allocations").then().statusCode(201);
    }
}
