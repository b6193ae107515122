package org.interlock.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Signed tokens for fast tests that need no identity provider: one RSA key per test JVM, whose
 * public half the application under test is configured to trust. End-to-end tests use real
 * Keycloak tokens instead.
 */
public final class TestTokens {

    public static final String ISSUER = "https://tokens.test.interlock.invalid/realms/interlock";
    private static final KeyPair KEYS = generate();
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestTokens() {
    }

    /** The public key in the form {@code quarkus.oidc.public-key} takes. */
    public static String publicKey() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    /** What the gateway presents to a service: its client-credentials token. */
    public static String gateway() {
        return sign(claims("service-account-interlock-gateway", "interlock-gateway", "interlock-services",
                List.of("service"), 300));
    }

    /** A token from another client, valid in every other respect: services must refuse it. */
    public static String otherClient() {
        return sign(claims("service-account-interlock-prisons", "interlock-prisons", "interlock-services",
                List.of("service"), 300));
    }

    /** A person's token as interlock-cli gets it: audience interlock-gateway, with agency, org and clearance. */
    public static String person(String username, String agency, String org, String clearance, String... roles) {
        return sign(personClaims(username, agency, org, clearance, 300, roles));
    }

    public static Map<String, Object> personClaims(String username, String agency, String org, String clearance,
            long lifetimeSeconds, String... roles) {
        Map<String, Object> claims = claims(username, "interlock-cli", "interlock-gateway", List.of(roles),
                lifetimeSeconds);
        claims.put("agency", agency);
        if (org != null) {
            claims.put("org", org);
        }
        claims.put("clearance", clearance);
        return claims;
    }

    /** The same claims signed with a key nobody trusts. */
    public static String signedWithAnotherKey(Map<String, Object> claims) {
        return sign(claims, generate());
    }

    /** A real token's header and claims, re-signed with a key nobody trusts. */
    public static String resigned(String jwt) {
        String[] parts = jwt.split("\\.");
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(generate().getPrivate());
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return parts[0] + "." + parts[1] + "." + encode(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A real token's claims with its signature stripped and {@code alg: none}. */
    public static String withoutSignature(String jwt) {
        String claims = jwt.split("\\.")[1];
        try {
            return encode(JSON.writeValueAsBytes(Map.of("alg", "none", "typ", "JWT"))) + "." + claims + ".";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned token ({@code alg: none}). */
    public static String unsigned(Map<String, Object> claims) {
        try {
            return encode(JSON.writeValueAsBytes(Map.of("alg", "none", "typ", "JWT"))) + "."
                    + encode(JSON.writeValueAsBytes(claims)) + ".";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> claims(String subject, String azp, String audience, List<String> roles,
            long lifetimeSeconds) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", subject);
        claims.put("preferred_username", subject);
        claims.put("azp", azp);
        claims.put("aud", audience);
        claims.put("iat", now);
        claims.put("exp", now + lifetimeSeconds);
        claims.put("realm_access", Map.of("roles", roles));
        return claims;
    }

    public static String sign(Map<String, Object> claims) {
        return sign(claims, KEYS);
    }

    private static String sign(Map<String, Object> claims, KeyPair keys) {
        try {
            String header = encode(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT", "kid", "test")));
            String payload = encode(JSON.writeValueAsBytes(claims));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + encode(rsa.sign());
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot sign a test token", e);
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
