package org.interlock.gateway.enforcement;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import org.interlock.gateway.staff.StaffDirectoryStub;
import org.interlock.platform.actor.ActorAssertion;
import org.interlock.stack.FreePorts;
import org.interlock.testing.TestTokens;

/**
 * Stands in for the four agency services and Keycloak's token endpoint, so that the gateway's
 * enforcement can be tested on exact answers. Tests register what a service answers for a path;
 * every request the gateway makes to a service is recorded as it arrived (method, raw path, raw
 * query), with the bearer the gateway presented and who it said acts (X-Interlock-Actor). Keycloak's admin API, which the staff directory
 * reads, is {@link StaffDirectoryStub}'s.
 */
public class UpstreamStub implements QuarkusTestResourceLifecycleManager {

    static final String JSON = "application/json";

    /** "GET /prisons/api/v1/custody-episodes?person=..." -> status, content type and body. */
    static final Map<String, Answer> ANSWERS = new ConcurrentHashMap<>();
    static final Map<String, String> LAST_BEARER = new ConcurrentHashMap<>();
    /** "POST /prisons/api/v1/allocations" -> the X-Interlock-Actor header of the last such request (absent: none). */
    static final Map<String, String> LAST_ACTOR = new ConcurrentHashMap<>();
    static final Map<String, String> LAST_CORRELATION = new ConcurrentHashMap<>();
    private static final List<Received> RECEIVED = Collections.synchronizedList(new ArrayList<>());

    private Vertx vertx;

    record Answer(int status, String contentType, String body) {
    }

    /**
     * One request as the stub received it, before any decoding.
     *
     * @param path  the raw path, e.g. {@code /prisons/api/v1/custody-episodes}
     * @param query the raw query, or null
     */
    public record Received(String method, String path, String query) {

        @Override
        public String toString() {
            return method + " " + path + (query == null ? "" : "?" + query);
        }
    }

    public static void answer(String method, String pathAndQuery, int status, String body) {
        answer(method, pathAndQuery, status, JSON, body);
    }

    public static void answer(String method, String pathAndQuery, int status, String contentType, String body) {
        ANSWERS.put(method + " " + pathAndQuery, new Answer(status, contentType, body));
    }

    /** The X-Interlock-Actor of the last such request, or null when it had none. */
    public static String lastActor(String method, String path) {
        return LAST_ACTOR.get(method + " " + path);
    }

    /** The X-Correlation-Id of the last such request, or "none". */
    public static String lastCorrelation(String method, String path) {
        return LAST_CORRELATION.get(method + " " + path);
    }

    /** Every request to a service received so far, in order of arrival. */
    public static List<Received> received() {
        return receivedSince(0);
    }

    /** How many requests the stub has received so far: a mark for {@link #receivedSince}. */
    public static int receivedCount() {
        return RECEIVED.size();
    }

    /** The requests received after the mark, in order of arrival. */
    public static List<Received> receivedSince(int mark) {
        synchronized (RECEIVED) {
            return List.copyOf(RECEIVED.subList(Math.min(mark, RECEIVED.size()), RECEIVED.size()));
        }
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
            RECEIVED.add(new Received(request.method().name(), request.path(), request.query()));
            LAST_BEARER.put(request.path(), String.valueOf(request.getHeader("Authorization")));
            LAST_CORRELATION.put(request.method().name() + " " + request.path(),
                    String.valueOf(request.getHeader("X-Correlation-Id")));
            String actor = request.getHeader(ActorAssertion.HEADER);
            if (actor == null) {
                LAST_ACTOR.remove(request.method().name() + " " + request.path());
            } else {
                LAST_ACTOR.put(request.method().name() + " " + request.path(), actor);
            }
            String query = request.query() == null ? "" : "?" + URLDecoder.decode(request.query(), StandardCharsets.UTF_8);
            Answer answer = ANSWERS.get(request.method().name() + " " + request.path() + query);
            if (answer == null) {
                request.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json")
                        .end("{\"status\":404,\"type\":\"urn:interlock:problem:not-found\"}");
                return;
            }
            if (answer.contentType() != null) {
                request.response().putHeader("Content-Type", answer.contentType());
            }
            request.response().setStatusCode(answer.status()).end(answer.body());
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
