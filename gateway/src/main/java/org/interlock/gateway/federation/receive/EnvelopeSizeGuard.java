package org.interlock.gateway.federation.receive;

import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.interlock.federation.RefusalReason;
import org.interlock.gateway.audit.RequestTrace;
import org.interlock.gateway.federation.Federation;
import org.interlock.platform.problem.Problem;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;

/**
 * Checks an envelope's size before a byte of it is read: the declared Content-Length must be there and at most the
 * configured maximum; else the request is refused ({@code oversized}, 413; no length, {@code malformed}, 400),
 * audited, and the connection closed without reading the body. The body reader then reads no more than the
 * declared length.
 */
@ApplicationScoped
public class EnvelopeSizeGuard {

    private final Federation federation;
    private final EnvelopeReceiver receiver;
    private final ObjectMapper json;

    public EnvelopeSizeGuard(Federation federation, EnvelopeReceiver receiver, ObjectMapper json) {
        this.federation = federation;
        this.receiver = receiver;
        this.json = json;
    }

    /** The path with or without a trailing slash, which the REST layer would also take for it. */
    void install(@Observes Router router) {
        router.routeWithRegex(HttpMethod.POST, "^" + Pattern.quote(EnvelopeResource.PATH) + "/?$")
                .order(Integer.MIN_VALUE + 2).handler(this::check);
    }

    private void check(RoutingContext context) {
        Optional<Federation.Self> self = federation.self();
        if (self.isEmpty()) {
            context.next();
            return;
        }
        long declared = declaredLength(context.request().getHeader("Content-Length"));
        int max = self.get().maxEnvelopeBytes();
        if (declared >= 0 && declared <= max) {
            context.next();
            return;
        }
        RefusalReason reason = declared < 0 ? RefusalReason.MALFORMED : RefusalReason.OVERSIZED;
        String detail = declared < 0 ? "an envelope is sent with its Content-Length"
                : "Content-Length " + declared + " is over the maximum of " + max + " bytes";
        String traceId = RequestTrace.of(null, context.request().getHeader("traceparent")).traceId();
        context.vertx().executeBlocking(() -> receiver.refuseUnread(reason, detail, traceId))
                .onComplete(done -> answer(context, done.succeeded()
                        ? ((EnvelopeReceiver.Outcome.Refused) done.result()).refusal().problem(EnvelopeResource.PATH)
                        : unavailable(done.cause())));
    }

    private void answer(RoutingContext context, Problem problem) {
        try {
            // The body is never read: close the connection once answered, rather than wait for the rest of it.
            context.response().endHandler(ended -> context.request().connection().close());
            context.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close").end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(500, e);
        }
    }

    private static Problem unavailable(Throwable cause) {
        return cause instanceof ProblemException problem ? problem.problem().withInstance(EnvelopeResource.PATH)
                : Problem.of(ProblemType.UNAVAILABLE,
                        "The refusal could not be audited; send again later").withInstance(EnvelopeResource.PATH);
    }

    private static long declaredLength(String header) {
        if (header == null || header.isEmpty() || header.length() > 18 || !header.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(header);
    }
}
