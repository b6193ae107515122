package org.interlock.prisons.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.interlock.testing.KafkaPostgresResource;
import org.interlock.testing.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The platform's path hygiene guards the services too, not only the gateway: a path that could be
 * read as another once decoded or normalised is refused 400 with a problem document that does not
 * echo it, before any routing. Sent on a raw socket, because HTTP clients normalise such paths.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "prisons"))
class PathHygieneTest {

    private static final String EPISODE = "6c9a1a53-9d0d-4c32-9a8c-2f7f4e8b1e11";

    @TestHTTPResource("/")
    URL service;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/api/v1/custody-episodes/" + EPISODE + "%2Frelease-date, 400",
            "/api/v1/incidents/../custody-episodes/" + EPISODE + ", 400",
            "/api/v1/custody-episodes/%2e%2e/incidents, 400",
            // The same service, the same token, a plain path: the refusals above are the hygiene's.
            "/api/v1/custody-episodes/" + EPISODE + ", 404"})
    void aPathThatCouldMeanAnotherIsRefusedBeforeRouting(String target, int status) throws IOException {
        String answer = get(target);

        assertEquals(status, Integer.parseInt(answer.split(" ")[1]), answer);
        assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/problem+json"), answer);
        String type = status == 400 ? "malformed-request" : "not-found";
        assertTrue(answer.contains("\"type\":\"urn:interlock:problem:" + type + "\""), answer);
        if (status == 400) {
            assertTrue(!answer.contains("custody-episodes") && !answer.contains(EPISODE), "the path is not echoed: " + answer);
        }
    }

    private String get(String target) throws IOException {
        try (Socket socket = new Socket(service.getHost(), service.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + TestTokens.gateway() + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
