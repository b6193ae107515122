package org.interlock.gateway.enforcement;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import org.interlock.gateway.staff.StaffDirectoryStub;
import org.interlock.stack.FreePorts;
import org.interlock.testing.TestTokens;

/**
 * Stands in for the four agency services and Keycloak's token endpoint, so that the gateway's
 * enforcement can be tested on exact answers. Tests register what a service answers for a path;
 * every request records the bearer the gateway presented. Keycloak's admin API, which the staff
 * directory reads, is {@link StaffDirectoryStub}'s.
 */
public class UpstreamStub implements QuarkusTestResourceLifecycleManager {

    /** "GET /prisons/api/v1/custody-episodes?person=..." -> status and JSON body. */
    static final Map<String, Answer> ANSWERS = new ConcurrentHashMap<>();
    static final Map<String, String> LAST_BEARER = new ConcurrentHashMap<>();

    record Answer(int status, String body) {
    }

    private Vertx vertx;

    public static void answer(String method, String pathAndQuery, int status, String body) {
        ANSWERS.put(method + " " + pathAndQuery, new Answer(status, body));
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        int port = FreePorts.next();
        StaffDirectoryStub.initialise();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            if (request.path().equals("/token")) {
                request.body().onSuccess(form -> token(request, form.toString()));
                return;
            }
            if (StaffDirectoryStub.handles(request)) {
                StaffDirectoryStub.handle(request);
                return;
            }
            LAST_BEARER.put(request.path(), String.valueOf(request.getHeader("Authorization")));
            String query = request.query() == null ? "" : "?" + java.net.URLDecoder.decode(request.query(),
                    java.nio.charset.StandardCharsets.UTF_8);
            Answer answer = ANSWERS.get(request.method().name() + " " + request.path() + query);
            request.response().setStatusCode(answer == null ? 404 : answer.status())
                    .putHeader("Content-Type", answer == null ? "application/problem+json" : "application/json")
                    .end(answer == null ? "{\"status\":404,\"type\":\"urn:interlock:problem:not-found\"}" : answer.body());
        });
        try {
            server.listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The upstream stub did not start", e);
        }
        return Map.of("interlock.test.upstream-url", "http://127.0.0.1:" + port);
    }

    /** The gateway's service identity, or the staff directory's own token for its client. */
    private static void token(HttpServerRequest request, String form) {
        String token = StaffDirectoryStub.DIRECTORY_CLIENT.equals(StaffDirectoryStub.clientOf(request, form))
                ? StaffDirectoryStub.directoryToken() : TestTokens.gateway();
        request.response().putHeader("Content-Type", "application/json")
                .end("{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
