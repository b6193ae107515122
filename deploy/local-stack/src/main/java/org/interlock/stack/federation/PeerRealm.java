package org.interlock.stack.federation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The second deployment's realm, made from the first's ({@code deploy/keycloak/interlock-realm.json}) so that the
 * two never drift: the same roles, clients and claims under another realm name, its console client pointed at the
 * second gateway, and the personas of the other country — each user of the first with {@code .<peer>} added to
 * the username (password = username, as in the first realm). Service accounts keep their names: Keycloak ties
 * them to their clients. One Keycloak serves both realms on the local stack; in production each country runs its
 * own identity provider.
 */
public final class PeerRealm {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIRST_CONSOLE_ORIGIN = "http://127.0.0.1:8080";

    private PeerRealm() {
    }

    /** Writes the realm named {@code realm} for peer {@code peerId}, whose gateway is at {@code gatewayUrl}. */
    public static Path write(Path firstRealm, Path target, String realm, String peerId, String gatewayUrl) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(firstRealm.toFile());
            root.put("realm", realm);
            root.put("displayName", root.path("displayName").asText("Interlock") + " (" + peerId + ")");
            for (JsonNode user : root.path("users")) {
                if (!user.has("serviceAccountClientId")) {
                    persona((ObjectNode) user, peerId);
                }
            }
            for (JsonNode client : root.path("clients")) {
                if ("interlock-console".equals(client.path("clientId").asText())) {
                    console((ObjectNode) client, gatewayUrl);
                }
            }
            Files.createDirectories(target.getParent());
            JSON.writerWithDefaultPrettyPrinter().writeValue(target.toFile(), root);
            return target;
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException("Cannot make realm " + realm + " from " + firstRealm, e);
        }
    }

    /** The persona of the other country: {@code ian.intel} becomes {@code ian.intel.abroad}, password the same. */
    public static String personaName(String firstRealmUsername, String peerId) {
        return firstRealmUsername + "." + peerId;
    }

    private static void persona(ObjectNode user, String peerId) {
        String username = personaName(user.path("username").asText(), peerId);
        user.put("username", username);
        if (user.has("email")) {
            user.put("email", username + "@interlock.example");
        }
        for (JsonNode credential : user.path("credentials")) {
            if ("password".equals(credential.path("type").asText())) {
                ((ObjectNode) credential).put("value", username);
            }
        }
    }

    /** The console's redirect and origin are its own gateway's, nothing wider. */
    private static void console(ObjectNode client, String gatewayUrl) {
        for (String field : new String[] {"redirectUris", "webOrigins"}) {
            if (!(client.path(field) instanceof ArrayNode values)) {
                continue;
            }
            for (int i = 0; i < values.size(); i++) {
                values.set(i, TextNode.valueOf(values.get(i).asText().replace(FIRST_CONSOLE_ORIGIN, gatewayUrl)));
            }
        }
        JsonNode attributes = client.path("attributes");
        if (attributes instanceof ObjectNode a && a.has("post.logout.redirect.uris")) {
            a.put("post.logout.redirect.uris", a.get("post.logout.redirect.uris").asText()
                    .replace(FIRST_CONSOLE_ORIGIN, gatewayUrl));
        }
    }
}
