package org.interlock.e2e.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Map;

/** Custody records written through the gateway by a prison's offender manager, for tests that need one. */
public final class CustodyRecords {

    private CustodyRecords() {
    }

    /** The person received into HMP Frankland today (category B): the custody episode's id. */
    public static String receive(GatewayClient offenderManager, String person, String prisonNumber) {
        GatewayClient.Answer received = offenderManager.post("/api/v1/prisons/custody-episodes", Map.of("person",
                person, "prisonNumber", prisonNumber, "establishment", "HMP Frankland", "securityCategory", "B",
                "receivedOn", LocalDate.now().toString()));
        assertEquals(201, received.status(), String.valueOf(received.body()));
        return received.body().path("id").asText();
    }

    public static void setReleaseDate(GatewayClient offenderManager, String episode, LocalDate date) {
        assertEquals(200, offenderManager.put("/api/v1/prisons/custody-episodes/" + episode + "/release-date",
                Map.of("releaseDate", date.toString())).status());
    }
}
