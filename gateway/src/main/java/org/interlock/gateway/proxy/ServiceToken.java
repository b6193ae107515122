package org.interlock.gateway.proxy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.smallrye.mutiny.Uni;

/**
 * The gateway's own identity towards the agency services: a client-credentials access token of
 * {@code interlock-gateway}, fetched once and reused until shortly before it expires.
 */
@ApplicationScoped
public class ServiceToken {

    private static final Duration MARGIN = Duration.ofSeconds(30);

    private final OidcClient client;
    private final AtomicReference<Tokens> current = new AtomicReference<>();

    public ServiceToken(OidcClient client) {
        this.client = client;
    }

    public Uni<String> bearer() {
        Tokens tokens = current.get();
        if (tokens != null && !nearlyExpired(tokens)) {
            return Uni.createFrom().item(tokens.getAccessToken());
        }
        return client.getTokens().invoke(current::set).map(Tokens::getAccessToken);
    }

    private static boolean nearlyExpired(Tokens tokens) {
        Long expiresAt = tokens.getAccessTokenExpiresAt();
        return expiresAt == null || Instant.now().plus(MARGIN).isAfter(Instant.ofEpochSecond(expiresAt));
    }
}
