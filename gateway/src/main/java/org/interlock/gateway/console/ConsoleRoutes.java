package org.interlock.gateway.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves the console's frame around its static files (META-INF/resources/console): the security
 * headers on every {@code /console} response, before the static files are looked up, and the
 * console's configuration ({@code /console/config.json}: which realm and client to log in with).
 * Nothing here reads a credential: the console's files are public, its data comes from the APIs
 * with the user's own bearer token.
 */
@ApplicationScoped
public class ConsoleRoutes {

    static final String ROOT = "/console";

    private final ConsoleConfig config;
    private final ConsolePolicy policy;

    public ConsoleRoutes(ConsoleConfig config) {
        this.config = config;
        this.policy = ConsolePolicy.forRealm(config.realmUrl());
    }

    void install(@Observes Router router) {
        // After PathHygiene (MIN_VALUE + 1), before every other handler: a refusal carries the headers too.
        router.routeWithRegex("^" + ROOT + "(/.*)?$").order(Integer.MIN_VALUE + 2).handler(this::secure);
        router.routeWithRegex(HttpMethod.GET, "^" + ROOT + "$").order(Integer.MIN_VALUE + 3)
                .handler(ctx -> ctx.redirect(ROOT + "/"));
        router.get(ROOT + "/config.json").order(Integer.MIN_VALUE + 3).handler(this::configuration);
    }

    private void secure(RoutingContext ctx) {
        ctx.response().headers()
                .set(ConsolePolicy.CSP, policy.contentSecurityPolicy())
                .set("X-Content-Type-Options", "nosniff")
                .set("Referrer-Policy", "no-referrer")
                .set("Cross-Origin-Opener-Policy", "same-origin")
                .set("Cache-Control", "no-cache");
        ctx.next();
    }

    private void configuration(RoutingContext ctx) {
        JsonObject body = new JsonObject().put("clientId", config.clientId());
        config.realmUrl().ifPresent(url -> body.put("realmUrl", url));
        ctx.response().putHeader("Content-Type", "application/json").end(body.encode());
    }
}
