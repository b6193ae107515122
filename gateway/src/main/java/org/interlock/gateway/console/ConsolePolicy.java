package org.interlock.gateway.console;

import java.net.URI;
import java.util.Optional;

/**
 * The security headers of every {@code /console/} response. The console is a bearer-token client
 * of the gateway's APIs: its scripts come from the gateway alone, it talks to the gateway and to
 * the Keycloak realm it logs in with and to nothing else, and no other site may frame it.
 */
public record ConsolePolicy(String contentSecurityPolicy) {

    public static final String CSP = "Content-Security-Policy";

    /** The policy for a console logging in with the realm at {@code realmUrl} (none: the gateway alone). */
    public static ConsolePolicy forRealm(Optional<String> realmUrl) {
        String keycloak = realmUrl.map(ConsolePolicy::origin).map(origin -> " " + origin).orElse("");
        return new ConsolePolicy("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self';"
                + " connect-src 'self'" + keycloak + "; frame-ancestors 'none'; base-uri 'none';"
                + " form-action 'self'; object-src 'none'");
    }

    /** {@code scheme://host[:port]} of a URL: what a CSP source names. */
    static String origin(String url) {
        URI uri = URI.create(url);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("interlock.console.realm-url is not an absolute URL: " + url);
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
