package org.interlock.platform.problem;

import java.net.URI;

/**
 * The kinds of problem Interlock answers with, each with a stable type URI that clients may
 * switch on. The URIs are names (URNs), not pages to fetch.
 */
public enum ProblemType {
    MALFORMED_REQUEST(400, "Malformed request", "malformed-request"),
    UNAUTHENTICATED(401, "Authentication required", "unauthenticated"),
    FORBIDDEN(403, "Forbidden", "forbidden"),
    NOT_FOUND(404, "Not found", "not-found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed", "method-not-allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable", "not-acceptable"),
    CONFLICT(409, "Conflict", "conflict"),
    /** The stored audit log no longer matches the tree heads it signed: it was altered. */
    AUDIT_INTEGRITY(409, "Audit log integrity failure", "audit-integrity"),
    /** What was asked for existed once and is no longer kept (e.g. a feed resume point). */
    GONE(410, "Gone", "gone"),
    PAYLOAD_TOO_LARGE(413, "Payload too large", "payload-too-large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type", "unsupported-media-type"),
    VALIDATION_FAILED(422, "Validation failed", "validation-failed"),
    UNKNOWN_PERSON(422, "Unknown person", "unknown-person"),
    RATE_LIMITED(429, "Too many requests", "rate-limited"),
    INTERNAL_ERROR(500, "Internal error", "internal-error"),
    /** An agency service answered with something the gateway cannot decide on: nothing is released. */
    BAD_GATEWAY(502, "Bad gateway", "upstream-answer"),
    UNAVAILABLE(503, "Service unavailable", "unavailable");

    private final int status;
    private final String title;
    private final URI uri;

    ProblemType(int status, String title, String slug) {
        this.status = status;
        this.title = title;
        this.uri = URI.create("urn:interlock:problem:" + slug);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public URI uri() {
        return uri;
    }

    /** The generic kind for an HTTP status the framework raised on its own. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type != UNKNOWN_PERSON && type != AUDIT_INTEGRITY) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
    }
}
