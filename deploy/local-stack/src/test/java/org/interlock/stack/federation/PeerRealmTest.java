package org.interlock.stack.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerRealmTest {

    private static final Path FIRST = CrossBorderPolicyTest.REPOSITORY.resolve(LocalFederation.FIRST_REALM);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private JsonNode abroad() throws IOException {
        return JSON.readTree(PeerRealm.write(FIRST, folder.resolve("interlock-abroad-realm.json"), "interlock-abroad",
                "abroad", "http://127.0.0.1:8280").toFile());
    }

    @Test
    void theSecondRealmHasTheFirstsRolesAndClientsUnderItsOwnName() throws IOException {
        JsonNode first = JSON.readTree(FIRST.toFile());
        JsonNode second = abroad();

        assertEquals("interlock-abroad", second.path("realm").asText());
        assertEquals(first.path("roles"), second.path("roles"));
        assertEquals(first.path("clients").size(), second.path("clients").size());
    }

    @Test
    void itsPersonasAreTheOtherCountrysAndServiceAccountsKeepTheirClientsNames() throws IOException {
        List<String> usernames = new ArrayList<>();
        JsonNode olivia = null;
        for (JsonNode user : abroad().path("users")) {
            usernames.add(user.path("username").asText());
            if (user.path("username").asText().equals("olivia.prison.abroad")) {
                olivia = user;
            }
        }

        assertEquals(true, usernames.contains("ian.intel.abroad"));
        assertEquals(true, usernames.contains("service-account-interlock-gateway"));
        assertEquals(false, usernames.contains("ian.intel"));
        assertEquals("olivia.prison.abroad", olivia.path("credentials").get(0).path("value").asText());
        assertEquals("olivia.prison.abroad@interlock.example", olivia.path("email").asText());
    }

    @Test
    void itsConsoleRedirectsToItsOwnGatewayOnly() throws IOException {
        JsonNode console = null;
        for (JsonNode client : abroad().path("clients")) {
            if (client.path("clientId").asText().equals("interlock-console")) {
                console = client;
            }
        }

        assertEquals("[\"http://127.0.0.1:8280/console/\"]", console.path("redirectUris").toString());
        assertEquals("[\"http://127.0.0.1:8280\"]", console.path("webOrigins").toString());
    }
}
