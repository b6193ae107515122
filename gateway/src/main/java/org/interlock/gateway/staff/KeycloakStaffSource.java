package org.interlock.gateway.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.oidc.client.NamedOidcClient;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import org.interlock.policy.StaffMember;

/**
 * Reads every member of staff from Keycloak's admin REST API with the client-credentials token
 * of {@code interlock-directory}, whose service account may only view users: the user listing,
 * page by page ({@code GET /users?briefRepresentation=false}: attributes included), then each
 * candidate's effective realm roles ({@code GET /users/{id}/role-mappings/realm/composite}).
 * Listing the members of a role would need {@code view-realm}; this needs nothing more than
 * {@code view-users}.
 */
@ApplicationScoped
class KeycloakStaffSource implements StaffSource {

    private final WebClient http;
    private final OidcClient tokens;
    private final StaffConfig config;

    KeycloakStaffSource(Vertx vertx, @NamedOidcClient("directory") OidcClient tokens, StaffConfig config) {
        this.http = WebClient.create(vertx);
        this.tokens = tokens;
        this.config = config;
    }

    @Override
    public Uni<List<StaffMember>> load() {
        return tokens.getTokens().map(Tokens::getAccessToken)
                .onItem().transformToUni(this::readAll);
    }

    private Uni<List<StaffMember>> readAll(String bearer) {
        return usersFrom(0, bearer, new ArrayList<>())
                .onItem().transformToMulti(users -> Multi.createFrom().iterable(users))
                .select().where(StaffMapper::candidate)
                .onItem().transformToUni(user -> memberOf(user, bearer)).merge(config.concurrency())
                .select().where(Optional::isPresent)
                .map(Optional::get)
                .collect().asList();
    }

    /** The listing from {@code first} on: pages until one comes back short. */
    private Uni<List<KeycloakUser>> usersFrom(int first, String bearer, List<KeycloakUser> read) {
        String url = config.adminUrl() + "/users?briefRepresentation=false&first=" + first + "&max=" + config.pageSize();
        return get(url, bearer)
                .onItem().transformToUni(page -> {
                    page.forEach(user -> read.add(KeycloakUser.from((JsonObject) user)));
                    return page.size() < config.pageSize()
                            ? Uni.createFrom().item(read)
                            : usersFrom(first + config.pageSize(), bearer, read);
                });
    }

    private Uni<Optional<StaffMember>> memberOf(KeycloakUser user, String bearer) {
        return get(config.adminUrl() + "/users/" + user.id() + "/role-mappings/realm/composite", bearer)
                .map(roles -> StaffMapper.member(user, roles.stream()
                        .map(role -> ((JsonObject) role).getString("name")).toList()));
    }

    private Uni<JsonArray> get(String url, String bearer) {
        return http.getAbs(url)
                .timeout(config.requestTimeout().toMillis())
                .putHeader("Authorization", "Bearer " + bearer)
                .putHeader("Accept", "application/json")
                .send()
                .map(KeycloakStaffSource::jsonArray);
    }

    private static JsonArray jsonArray(HttpResponse<Buffer> response) {
        if (response.statusCode() != 200) {
            throw new StaffSourceException("Keycloak's admin API answered " + response.statusCode()
                    + (response.statusCode() == 401 || response.statusCode() == 403
                            ? " (the directory client needs realm-management view-users)" : ""));
        }
        return response.bodyAsJsonArray();
    }

    @PreDestroy
    void close() {
        http.close();
    }

    /** Keycloak did not give the whole directory; the last good copy stays in use. */
    static final class StaffSourceException extends RuntimeException {
        StaffSourceException(String message) {
            super(message);
        }
    }
}
