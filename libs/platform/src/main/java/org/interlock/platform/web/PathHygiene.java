package org.interlock.platform.web;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import org.interlock.platform.problem.Problem;
import org.interlock.platform.problem.ProblemType;

/**
 * Refuses, before any routing, a request whose path (as sent, not decoded) could mean another
 * path once decoded or normalised: an encoded slash, backslash, dot or percent sign, a literal
 * backslash, a dot segment, an empty segment (other than a trailing slash), or a control character. Such a path is never
 * needed by a client of Interlock, and letting it through would make the path a component checks
 * differ from the one it serves. Answered 400 with a problem document that does not echo the path.
 */
@ApplicationScoped
public class PathHygiene {

    private static final String[] ENCODED = {"%2f", "%5c", "%2e", "%25", "%00"};

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            if (unsafe(ctx.request().path())) {
                Problem problem = Problem.of(ProblemType.MALFORMED_REQUEST,
                        "The path holds an encoded slash, backslash, dot or percent sign, a dot or empty segment,"
                                + " or a control character");
                ctx.response().setStatusCode(400)
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .end(Json.encode(problem));
                return;
            }
            ctx.next();
        });
    }

    /** Whether the raw path could be read as another path. */
    public static boolean unsafe(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return true;
        }
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return true;
            }
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        for (String encoded : ENCODED) {
            if (lower.contains(encoded)) {
                return true;
            }
        }
        if (lower.matches(".*%[01][0-9a-f].*|.*%7f.*|.*%(?![0-9a-f]{2}).*")) {
            return true;
        }
        String[] segments = rawPath.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            // A trailing slash is allowed (/console/); an empty segment inside the path is not.
            if (segment.equals(".") || segment.equals("..") || segment.isEmpty() && !last) {
                return true;
            }
        }
        return false;
    }
}
