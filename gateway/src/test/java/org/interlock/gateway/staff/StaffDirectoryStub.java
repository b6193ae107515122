package org.interlock.gateway.staff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.arc.Arc;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.interlock.testing.TestKeycloak;

/**
 * Keycloak as the gateway's staff directory sees it, in gateway tests (served by
 * {@code UpstreamStub}): the token endpoint gives the client {@code interlock-directory} a token
 * of its own, and the admin API answers that token only, with the users of the dev realm
 * ({@code deploy/keycloak/interlock-realm.json}: the personas, their attributes and their realm
 * roles with composites expanded, as Keycloak would list them).
 *
 * <p>Tests change the users at run time with {@link #add}, {@link #disable} and {@link #remove};
 * each change is followed by a read of the gateway's directory, so that it counts at once.
 * A test that changes users calls {@link #reset()} when it ends.
 */
public final class StaffDirectoryStub {

    public static final String DIRECTORY_CLIENT = "interlock-directory";
    /** The opaque token the stub's token endpoint gives the directory client, and the only one its admin API takes. */
    static final String DIRECTORY_TOKEN = "directory-" + UUID.randomUUID();
    private static final String ADMIN = "/admin/realms/interlock/";
    private static final Duration REFRESH_TIMEOUT = Duration.ofSeconds(10);

    record User(String id, String username, boolean enabled, Map<String, List<String>> attributes, Set<String> roles) {
    }

    private static final Map<String, User> USERS = new ConcurrentHashMap<>();
    private static final AtomicInteger OUTAGE = new AtomicInteger();
    /** Listing requests answered (any page), for tests that look at how the directory reads. */
    static final AtomicInteger LISTINGS = new AtomicInteger();

    static {
        initialise();
    }

    private StaffDirectoryStub() {
    }

    /** The realm's users again, no outage; and the gateway's directory read again. */
    public static void reset() {
        initialise();
        refreshGatewayIfRunning();
    }

    /** The realm's users, no outage, before the gateway starts (UpstreamStub). */
    public static void initialise() {
        USERS.clear();
        OUTAGE.set(0);
        realmUsers().forEach(user -> USERS.put(user.username(), user));
    }

    /** A new (or replaced) enabled member of staff. */
    public static void add(String username, String agency, String org, String... roles) {
        Map<String, List<String>> attributes = new HashMap<>();
        attributes.put("agency", List.of(agency));
        if (org != null) {
            attributes.put("org", List.of(org));
        }
        put(new User(UUID.randomUUID().toString(), username, true, attributes, withDefaultRoles(List.of(roles))));
    }

    /** A user exactly as given (several agencies, no agency, disabled...). */
    public static void put(String username, boolean enabled, Map<String, List<String>> attributes, String... roles) {
        put(new User(UUID.randomUUID().toString(), username, enabled, attributes, withDefaultRoles(List.of(roles))));
    }

    public static void disable(String username) {
        User user = USERS.get(username);
        put(new User(user.id(), user.username(), false, user.attributes(), user.roles()));
    }

    public static void remove(String username) {
        USERS.remove(username);
        refreshGatewayIfRunning();
    }

    /** From now on the admin API answers every request with this status (0: answers again). No refresh. */
    public static void outage(int status) {
        OUTAGE.set(status);
    }

    /** Reads the gateway's directory now, as its schedule would at the next interval. */
    public static void refreshGateway() {
        Arc.container().instance(KeycloakStaffDirectory.class).get().refresh().await().atMost(REFRESH_TIMEOUT);
    }

    private static void put(User user) {
        USERS.put(user.username(), user);
        refreshGatewayIfRunning();
    }

    private static void refreshGatewayIfRunning() {
        if (Arc.container() != null && Arc.container().isRunning()) {
            refreshGateway();
        }
    }

    /** Which client a token request authenticates (client_secret_basic or client_secret_post). */
    public static String clientOf(HttpServerRequest request, String form) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.startsWith("Basic ")) {
            String pair = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
            return pair.substring(0, pair.indexOf(':'));
        }
        for (String parameter : form.split("&")) {
            if (parameter.startsWith("client_id=")) {
                return parameter.substring("client_id=".length());
            }
        }
        return null;
    }

    public static String directoryToken() {
        return DIRECTORY_TOKEN;
    }

    public static boolean handles(HttpServerRequest request) {
        return request.path().startsWith(ADMIN);
    }

    /** The two admin API calls the directory makes; anything else is what view-users may not do: 403. */
    public static void handle(HttpServerRequest request) {
        String bearer = request.getHeader("Authorization");
        if (bearer == null) {
            answer(request, 401, new JsonObject().put("error", "HTTP 401 Unauthorized").encode());
        } else if (!bearer.equals("Bearer " + DIRECTORY_TOKEN)) {
            answer(request, 403, new JsonObject().put("error", "HTTP 403 Forbidden").encode());
        } else if (OUTAGE.get() != 0) {
            answer(request, OUTAGE.get(), new JsonObject().put("error", "outage").encode());
        } else if (request.method().name().equals("GET") && request.path().equals(ADMIN + "users")) {
            answer(request, 200, listing(request).encode());
        } else if (request.method().name().equals("GET") && request.path().endsWith("/role-mappings/realm/composite")) {
            String id = request.path().substring((ADMIN + "users/").length()).split("/")[0];
            USERS.values().stream().filter(u -> u.id().equals(id)).findFirst().ifPresentOrElse(
                    user -> answer(request, 200, roles(user).encode()),
                    () -> answer(request, 404, new JsonObject().put("error", "User not found").encode()));
        } else {
            answer(request, 403, new JsonObject().put("error", "HTTP 403 Forbidden").encode());
        }
    }

    private static JsonArray listing(HttpServerRequest request) {
        LISTINGS.incrementAndGet();
        int first = Integer.parseInt(request.getParam("first", "0"));
        int max = Integer.parseInt(request.getParam("max", "100"));
        boolean brief = !"false".equals(request.getParam("briefRepresentation"));
        List<User> sorted = new ArrayList<>(USERS.values());
        sorted.sort(Comparator.comparing(User::username));
        JsonArray page = new JsonArray();
        sorted.stream().skip(first).limit(max).forEach(user -> {
            JsonObject json = new JsonObject().put("id", user.id()).put("username", user.username())
                    .put("enabled", user.enabled());
            if (!brief) {
                JsonObject attributes = new JsonObject();
                user.attributes().forEach((name, values) -> attributes.put(name, new JsonArray(values)));
                json.put("attributes", attributes);
            }
            page.add(json);
        });
        return page;
    }

    private static JsonArray roles(User user) {
        JsonArray roles = new JsonArray();
        user.roles().forEach(name -> roles.add(new JsonObject().put("id", UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString())
                .put("name", name).put("composite", name.startsWith("default-roles-")).put("clientRole", false)));
        return roles;
    }

    private static void answer(HttpServerRequest request, int status, String body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
    }

    private static Set<String> withDefaultRoles(List<String> roles) {
        Set<String> all = new LinkedHashSet<>(roles);
        all.addAll(List.of("default-roles-interlock", "offline_access", "uma_authorization"));
        return all;
    }

    /** The realm file's people (Keycloak does not list service accounts), roles expanded as Keycloak does. */
    private static List<User> realmUsers() {
        JsonObject realm;
        try {
            realm = new JsonObject(Files.readString(TestKeycloak.repository().resolve("deploy/keycloak/interlock-realm.json")));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the dev realm", e);
        }
        Map<String, List<String>> composites = new HashMap<>();
        realm.getJsonObject("roles").getJsonArray("realm").forEach(r -> {
            JsonObject role = (JsonObject) r;
            JsonObject of = role.getJsonObject("composites");
            composites.put(role.getString("name"), of == null ? List.of()
                    : of.getJsonArray("realm", new JsonArray()).stream().map(String::valueOf).toList());
        });
        List<User> users = new ArrayList<>();
        realm.getJsonArray("users").forEach(u -> {
            JsonObject user = (JsonObject) u;
            if (user.containsKey("serviceAccountClientId")) {
                return;
            }
            Map<String, List<String>> attributes = new HashMap<>();
            user.getJsonObject("attributes", new JsonObject()).forEach(entry ->
                    attributes.put(entry.getKey(), ((JsonArray) entry.getValue()).stream().map(String::valueOf).toList()));
            Set<String> roles = new LinkedHashSet<>();
            user.getJsonArray("realmRoles", new JsonArray()).forEach(role -> expand(String.valueOf(role), composites, roles));
            users.add(new User(UUID.nameUUIDFromBytes(user.getString("username").getBytes(StandardCharsets.UTF_8)).toString(),
                    user.getString("username"), user.getBoolean("enabled", false), attributes, roles));
        });
        return users;
    }

    private static void expand(String role, Map<String, List<String>> composites, Set<String> into) {
        if (into.add(role)) {
            composites.getOrDefault(role, List.of()).forEach(child -> expand(child, composites, into));
        }
    }
}
