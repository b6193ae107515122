package org.interlock.gateway.staff;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A user as Keycloak's admin API lists them ({@code briefRepresentation=false}), reduced to
 * what the directory reads: the id (to ask for the user's roles), the username, whether the
 * account is enabled and its attributes (every attribute is a list of values).
 */
record KeycloakUser(String id, String username, boolean enabled, Map<String, List<String>> attributes) {

    KeycloakUser {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    static KeycloakUser from(JsonObject json) {
        JsonObject attributes = json.getJsonObject("attributes", new JsonObject());
        Map<String, List<String>> values = new HashMap<>();
        for (String name : attributes.fieldNames()) {
            Object value = attributes.getValue(name);
            values.put(name, value instanceof JsonArray array
                    ? array.stream().map(String::valueOf).toList()
                    : List.of(String.valueOf(value)));
        }
        return new KeycloakUser(json.getString("id"), json.getString("username"),
                json.getBoolean("enabled", false), values);
    }

    /** The attribute's only value; null if it has none or several (which the user profile forbids). */
    String single(String attribute) {
        List<String> values = attributes.getOrDefault(attribute, List.of());
        return values.size() == 1 && !values.get(0).isBlank() ? values.get(0) : null;
    }
}
