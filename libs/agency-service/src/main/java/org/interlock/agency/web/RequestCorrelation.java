package org.interlock.agency.web;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;

import io.smallrye.common.vertx.ContextLocals;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Carries the caller's correlation id ({@code X-Correlation-Id}) and W3C trace context
 * ({@code traceparent}) from the request to the events it causes. Malformed values are replaced,
 * never copied, so nothing a client sends flows into an event unchecked.
 */
public class RequestCorrelation {

    private static final String CORRELATION = "interlock.correlationid";
    private static final String TRACEPARENT = "interlock.traceparent";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern W3C_TRACEPARENT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    @ServerRequestFilter
    public void capture(ContainerRequestContext request) {
        String correlation = request.getHeaderString("X-Correlation-Id");
        ContextLocals.put(CORRELATION,
                correlation != null && SAFE_ID.matcher(correlation).matches() ? correlation : UUID.randomUUID().toString());
        String traceparent = request.getHeaderString("traceparent");
        if (traceparent != null && W3C_TRACEPARENT.matcher(traceparent).matches()) {
            ContextLocals.put(TRACEPARENT, traceparent);
        }
    }

    public static String currentCorrelationId() {
        return ContextLocals.<String>get(CORRELATION).orElseGet(() -> UUID.randomUUID().toString());
    }

    public static String currentTraceparent() {
        return ContextLocals.<String>get(TRACEPARENT).orElse(null);
    }
}
