package org.interlock.e2e.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** What an RFC 9457 answer of the gateway must be: the media type, the status, the type and the fields at fault. */
public final class Problems {

    public static final String VALIDATION_FAILED = "urn:interlock:problem:validation-failed";
    public static final String FORBIDDEN = "urn:interlock:problem:forbidden";
    public static final String NOT_FOUND = "urn:interlock:problem:not-found";

    private Problems() {
    }

    /** A problem document of this status and type, naming exactly these fields (none for a problem without errors). */
    public static void assertProblem(GatewayClient.Answer answer, int status, String type, String... fields) {
        String shown = assertRefused(answer, status, type);
        List<String> named = new ArrayList<>();
        answer.body().path("errors").forEach(error -> named.add(error.path("field").asText()));
        assertEquals(List.of(fields), named, shown);
    }

    /** A problem document of this status and type, whatever fields it names; what it showed, for messages. */
    public static String assertRefused(GatewayClient.Answer answer, int status, String type) {
        String shown = answer.status() + " " + answer.contentType() + " " + answer.body();
        assertEquals(status, answer.status(), shown);
        assertTrue(answer.contentType() != null && answer.contentType().startsWith("application/problem+json"), shown);
        JsonNode problem = answer.body();
        assertNotNull(problem, shown);
        assertEquals(type, problem.path("type").asText(), shown);
        assertEquals(status, problem.path("status").asInt(), shown);
        return shown;
    }
}
