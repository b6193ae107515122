package org.interlock.platform.web;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.interlock.platform.problem.Problem;
import org.interlock.platform.problem.ProblemType;

/**
 * Refuses a body announced larger than {@code quarkus.http.limits.max-body-size} with a 413
 * problem document, before any of it is read. (A chunked body without a length that grows past
 * the limit is cut off by the HTTP layer itself, with a bare 413.)
 */
@ApplicationScoped
public class BodyLimit {

    private final long limit;

    public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit) {
        this.limit = limit.map(MemorySize::asLongValue).orElse(10L * 1024 * 1024);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && exceeds(length)) {
                Problem problem = Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                        "The body is larger than the limit of " + limit + " bytes")
                        .withInstance(ctx.request().path());
                ctx.response().setStatusCode(413)
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close")
                        .end(Json.encode(problem));
                return;
            }
            ctx.next();
        });
    }

    private boolean exceeds(String length) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
