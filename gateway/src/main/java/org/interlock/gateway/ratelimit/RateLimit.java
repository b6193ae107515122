package org.interlock.gateway.ratelimit;

import java.security.Principal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import org.interlock.platform.problem.Problem;
import org.interlock.platform.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A token bucket per client (the authenticated user; the caller's address before
 * authentication): over its rate a client is answered 429 with {@code Retry-After}, and the
 * other clients are not slowed. Health and metrics endpoints are not limited.
 */
@ApplicationScoped
public class RateLimit {

    /** How many clients' buckets are kept before the idle ones are forgotten. */
    static final int MAX_CLIENTS = 50_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final RateLimitConfig config;

    public RateLimit(RateLimitConfig config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = false)
    public Response limit(ContainerRequestContext request, HttpServerRequest http) {
        Principal caller = request.getSecurityContext().getUserPrincipal();
        String client = caller != null ? "user:" + caller.getName() : address(http);
        if (buckets.size() >= MAX_CLIENTS) {
            // Many addresses (a scan, or IPv6) must not grow the map without end: a bucket refilled to its burst
            // holds nothing a new one would not, so forgetting it changes no answer.
            buckets.values().removeIf(bucket -> bucket.full(config));
        }
        double waitSeconds = buckets.computeIfAbsent(client, k -> new Bucket(config.burst())).take(config);
        if (waitSeconds <= 0) {
            return null;
        }
        long retryAfter = Math.max(1, (long) Math.ceil(waitSeconds));
        Problem problem = Problem.of(ProblemType.RATE_LIMITED, "Too many requests; retry after " + retryAfter + " s")
                .withInstance(request.getUriInfo().getPath());
        return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", retryAfter).entity(problem).build();
    }

    /**
     * Before authentication a client is its address: one flooding the peer interface (the only operation answered
     * without a token) with envelopes uses up its own bucket, not the peers'. Behind a proxy that does not forward
     * addresses, every anonymous caller shares the proxy's.
     */
    private static String address(HttpServerRequest http) {
        SocketAddress remote = http == null ? null : http.remoteAddress();
        return remote == null || remote.hostAddress() == null ? "anonymous" : "address:" + remote.hostAddress();
    }

    /** Tokens refill continuously at the configured rate up to the burst size. */
    static final class Bucket {

        private double tokens;
        private long last = System.nanoTime();

        Bucket(int burst) {
            this.tokens = burst;
        }

        /** Whether it has refilled to its burst: idle long enough to be forgotten. */
        synchronized boolean full(RateLimitConfig config) {
            return tokens + (System.nanoTime() - last) / 1e9 * config.requestsPerSecond() >= config.burst();
        }

        /** @return 0 if a token was taken, else the seconds until one is available */
        synchronized double take(RateLimitConfig config) {
            long now = System.nanoTime();
            tokens = Math.min(config.burst(), tokens + (now - last) / 1e9 * config.requestsPerSecond());
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (1 - tokens) / config.requestsPerSecond();
        }
    }
}
