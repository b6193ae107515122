package org.interlock.platform.actor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Who acts, as the gateway asserts it to a service with each write it forwards: header
 * {@code X-Interlock-Actor}, a compact JWS (RFC 7515) MACed with HMAC-SHA256 (alg HS256, RFC 7518)
 * under the secret the gateway shares with that one service, named by {@code kid}, explicitly
 * typed {@value #TYPE} so that no other token of the realm can pass for one. Claims: {@code sub}
 * (username), {@code agency}, {@code org} (null outside partner organisations), {@code roles},
 * {@code client} (the OAuth client the user came through), {@code aud} (the service it is for),
 * {@code iat}, {@code exp} ({@code iat} + 60 s) and {@code jti} (the gateway's request id).
 *
 * <p>The service trusts the assertion only together with the gateway's own bearer token: the
 * token says the gateway calls, the assertion says for whom. It is short-lived rather than
 * bound to the request, so a copy is worth at most a minute to someone who also holds the
 * gateway's token; and it is worth nothing at another service, whose key and name differ.
 */
public record ActorAssertion(String username, String agency, String org, List<String> roles, String client,
        String audience, Instant issuedAt, Instant expiresAt, String requestId) {

    public static final String HEADER = "X-Interlock-Actor";
    public static final String TYPE = "interlock-actor+jwt";
    public static final Duration LIFETIME = Duration.ofSeconds(60);
    /** How far the gateway's clock and the service's may disagree. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    /** The only algorithm accepted: "none", EdDSA, HS512 or any other is refused. */
    private static final String ALGORITHM = "HS256";
    private static final int MAX_LENGTH = 4096;
    private static final Set<String> HEADER_PARAMETERS = Set.of("alg", "typ", "kid");
    private static final Set<String> CLAIMS = Set.of("sub", "agency", "org", "roles", "client", "aud", "iat", "exp",
            "jti");
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    public ActorAssertion {
        require(username != null && USERNAME.matcher(username).matches(), "sub is not a username");
        require(agency != null && SLUG.matcher(agency).matches(), "agency is not an agency id");
        require(org == null || SLUG.matcher(org).matches(), "org is not an organisation id");
        require(roles != null && roles.stream().allMatch(r -> r != null && !r.isBlank() && r.length() <= 100),
                "roles are not a list of role names");
        require(client != null && !client.isBlank() && client.length() <= 200, "client is missing");
        require(audience != null && SLUG.matcher(audience).matches(), "aud is not a service");
        require(requestId != null && !requestId.isBlank() && requestId.length() <= 200, "jti is missing");
        require(issuedAt != null && expiresAt != null && expiresAt.isAfter(issuedAt), "iat and exp are not a period");
        roles = List.copyOf(roles);
    }

    /** An assertion for the service {@code audience}, issued now, for {@link #LIFETIME}. */
    public static ActorAssertion issue(String username, String agency, String org, List<String> roles, String client,
            String audience, String requestId, Instant now) {
        Instant issuedAt = now.truncatedTo(ChronoUnit.SECONDS);
        return new ActorAssertion(username, agency, org, roles, client, audience, issuedAt, issuedAt.plus(LIFETIME),
                requestId);
    }

    /** The compact JWS, MACed with {@code key}: the secret the gateway shares with the audience. */
    public String sign(ActorKey key) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", ALGORITHM);
        header.put("typ", TYPE);
        header.put("kid", key.id());
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", username);
        claims.put("agency", agency);
        claims.put("org", org);
        claims.put("roles", roles);
        claims.put("client", client);
        claims.put("aud", audience);
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", expiresAt.getEpochSecond());
        claims.put("jti", requestId);
        try {
            String input = encode(JSON.writeValueAsBytes(header)) + "." + encode(JSON.writeValueAsBytes(claims));
            return input + "." + encode(key.mac(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot sign an actor assertion (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * The assertion a header holds, once its MAC verifies with the trusted key its {@code kid}
     * names, it is for {@code audience} and it is within its time at {@code now}. With no trusted
     * key, every header is refused.
     *
     * @param trusted  the keys this service shares with the gateway: the current one and, while
     *                 keys are rotated, the previous one
     * @param audience the service verifying it, which the {@code aud} claim must name
     * @throws InvalidActorAssertion saying what is wrong, never quoting the header
     */
    public static ActorAssertion verify(String compact, Collection<ActorKey> trusted, String audience, Instant now) {
        require(!trusted.isEmpty(), "this service holds no actor key: every write is refused");
        require(compact != null && !compact.isBlank(), "no " + HEADER + " header");
        require(compact.length() <= MAX_LENGTH, HEADER + " is too long");
        String[] parts = compact.split("\\.", -1);
        require(parts.length == 3 && BASE64URL.matcher(parts[0]).matches() && BASE64URL.matcher(parts[1]).matches()
                && BASE64URL.matcher(parts[2]).matches(), HEADER + " is not a compact JWS");
        ActorKey key = keyOf(json(parts[0], "header"), trusted);
        require(macHolds(parts, key), HEADER + " is not signed by the gateway");
        ActorAssertion assertion = claims(json(parts[1], "claims"));
        require(assertion.audience().equals(audience), HEADER + " is for another service");
        require(!assertion.expiresAt().minus(LIFETIME).isAfter(assertion.issuedAt()), HEADER + " lives too long");
        require(!assertion.issuedAt().isAfter(now.plus(CLOCK_SKEW)), HEADER + " is issued in the future");
        require(now.isBefore(assertion.expiresAt().plus(CLOCK_SKEW)), HEADER + " has expired");
        return assertion;
    }

    /** The trusted key the header names, once it is an HS256 header of this type and no more. */
    private static ActorKey keyOf(JsonNode header, Collection<ActorKey> trusted) {
        require(header.path("alg").isTextual() && ALGORITHM.equals(header.get("alg").asText()),
                HEADER + " is not signed with " + ALGORITHM);
        require(header.path("typ").isTextual() && TYPE.equals(header.get("typ").asText()),
                HEADER + " is not typed " + TYPE);
        header.fieldNames().forEachRemaining(name -> require(HEADER_PARAMETERS.contains(name),
                HEADER + " has a header parameter it may not have"));
        JsonNode kid = header.path("kid");
        require(kid.isTextual(), HEADER + " names no key");
        return trusted.stream().filter(key -> key.id().equals(kid.asText())).findFirst()
                .orElseThrow(() -> new InvalidActorAssertion(HEADER + " names a key this service does not hold"));
    }

    private static boolean macHolds(String[] parts, ActorKey key) {
        try {
            return key.authenticates((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), decode(parts[2]));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ActorAssertion claims(JsonNode claims) {
        claims.fieldNames().forEachRemaining(name -> require(CLAIMS.contains(name), HEADER + " has an unknown claim"));
        require(claims.path("roles").isArray(), HEADER + " has no roles");
        List<String> roles = new ArrayList<>();
        claims.get("roles").forEach(role -> {
            require(role.isTextual(), HEADER + " has a role that is not text");
            roles.add(role.asText());
        });
        JsonNode org = claims.path("org");
        require(org.isMissingNode() || org.isNull() || org.isTextual(), HEADER + " has an org that is not text");
        try {
            return new ActorAssertion(text(claims, "sub"), text(claims, "agency"), org.isTextual() ? org.asText() : null,
                    roles, text(claims, "client"), text(claims, "aud"), seconds(claims, "iat"), seconds(claims, "exp"),
                    text(claims, "jti"));
        } catch (InvalidActorAssertion e) {
            throw new InvalidActorAssertion(HEADER + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode claims, String name) {
        JsonNode value = claims.path(name);
        require(value.isTextual(), HEADER + " has no text claim " + name);
        return value.asText();
    }

    private static Instant seconds(JsonNode claims, String name) {
        JsonNode value = claims.path(name);
        require(value.isIntegralNumber() && value.canConvertToLong(),
                HEADER + " has no numeric claim " + name);
        return Instant.ofEpochSecond(value.asLong());
    }

    private static JsonNode json(String part, String what) {
        try {
            JsonNode node = JSON.readTree(decode(part));
            require(node != null && node.isObject(), HEADER + " " + what + " is not a JSON object");
            return node;
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidActorAssertion(HEADER + " " + what + " is not JSON");
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] decode(String part) {
        return Base64.getUrlDecoder().decode(part);
    }

    private static void require(boolean holds, String reason) {
        if (!holds) {
            throw new InvalidActorAssertion(reason);
        }
    }
}
