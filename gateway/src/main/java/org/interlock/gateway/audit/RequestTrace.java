package org.interlock.gateway.audit;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * How to find a request again: the caller's correlation id (or one made here) and the W3C trace id.
 * Both come from headers, so both are checked before they reach the log: anything that is not a
 * plain token is replaced, never copied.
 *
 * @param requestId the request's id, also sent on to the agency service as X-Correlation-Id
 * @param traceId   the 32-hex trace id of a valid {@code traceparent}, else null
 */
public record RequestTrace(String requestId, String traceId) {

    private static final Pattern CORRELATION = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final String NO_TRACE = "0".repeat(32);

    public static RequestTrace of(String correlationId, String traceparent) {
        String requestId = correlationId != null && CORRELATION.matcher(correlationId).matches()
                ? correlationId
                : UUID.randomUUID().toString();
        String traceId = null;
        if (traceparent != null) {
            var m = TRACEPARENT.matcher(traceparent.trim());
            if (m.matches() && !m.group(1).equals(NO_TRACE)) {
                traceId = m.group(1);
            }
        }
        return new RequestTrace(requestId, traceId);
    }

    /**
     * The same trace under an id the gateway made itself (a copy's id), which needs no check: the
     * exchange checks an event's {@code traceparent} once, not once per inbox it decides for.
     */
    public RequestTrace withRequestId(String ownId) {
        return new RequestTrace(ownId, traceId);
    }
}
