package org.interlock.e2e.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.interlock.e2e.gateway.GatewayClient;
import org.interlock.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Every demo persona of the realm logs in and sees on the caseload page exactly what the API gives
 * them: the people allocated to them, none ("Nobody is allocated to you."), or the API's own
 * refusal with its status, never an empty page. The personas are read from the realm file, so a
 * persona added to the realm is tried too.
 */
class ConsolePersonasTest {

    private static final Duration SEEN = Duration.ofSeconds(30);
    private static String gateway;

    @BeforeAll
    static void stack() throws Exception {
        ConsoleBrowser.requireChromium();
        gateway = TestStack.shared().gatewayUrl();
        ConsoleClientRegistration.registerOrigin(gateway);
    }

    @Test
    void everyPersonaSeesTheCaseloadTheApiGivesThem() throws Exception {
        List<JsonNode> personas = personas();
        assertFalse(personas.isEmpty(), "no demo persona in the realm file");
        for (JsonNode persona : personas) {
            String username = persona.path("username").asText();
            String agency = persona.path("attributes").path("agency").path(0).asText();
            GatewayClient.Answer answer = GatewayClient.as(gateway, username, "case-management")
                    .get("/api/v1/" + agency + "/allocations?staff=" + username);
            // A browser of its own for each: no Keycloak session carries over from the persona before.
            try (ConsoleBrowser browser = ConsoleBrowser.open(gateway)) {
                try {
                    browser.loginAt("#/practitioner?purpose=case-management", username);
                } catch (RuntimeException e) {
                    throw new AssertionError(username + " could not log in at " + browser.driver().getCurrentUrl()
                            + ": " + browser.driver().findElement(By.tagName("body")).getText(), e);
                }
                if (answer.status() != 200) {
                    browser.awaitText(By.cssSelector("#caseload .problem"), String.valueOf(answer.status()), SEEN);
                } else if (answer.body().isEmpty()) {
                    browser.awaitText(By.id("caseload"), "Nobody is allocated to you.", SEEN);
                } else {
                    browser.await(By.id("caseload-table"));
                    List<String> given = new ArrayList<>();
                    answer.body().forEach(a -> given.add(a.path("person").asText()));
                    List<String> shown = new ArrayList<>();
                    browser.all(By.cssSelector("#caseload-table tbody tr td:first-child"))
                            .forEach(cell -> shown.add(cell.getText()));
                    assertEquals(given.stream().sorted().toList(), shown.stream().sorted().toList(), username);
                }
            }
        }
    }

    /** The realm's people: users with an agency who are not service accounts. */
    private static List<JsonNode> personas() throws IOException {
        JsonNode realm = new ObjectMapper().readTree(Files.readString(Path.of("..", "deploy", "keycloak",
                "interlock-realm.json")));
        List<JsonNode> personas = new ArrayList<>();
        realm.path("users").forEach(user -> {
            if (!user.path("username").asText().startsWith("service-account-")
                    && user.path("attributes").path("agency").path(0).isTextual()) {
                personas.add(user);
            }
        });
        return personas;
    }
}
