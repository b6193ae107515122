package org.interlock.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Who acts on the writes a bench sends straight to a service, as the gateway would assert it
 * (X-Interlock-Actor): signed with the stack's actor key (INTERLOCK_STACK_DIR/actor-signing-key,
 * made by the stack) in the form libs/platform's ActorAssertion verifies, renewed well within its
 * minute. Inline here because the load generators run on the local stack's classpath, which has
 * no libs/platform.
 */
final class BenchActor {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrivateKey key;
    private volatile String header;
    private volatile long renewAt;

    BenchActor() {
        try {
            Path file = Path.of(System.getenv().getOrDefault("INTERLOCK_STACK_DIR", ".interlock/stack"),
                    "actor-signing-key");
            key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode(Files.readString(file).trim())));
        } catch (Exception e) {
            throw new IllegalStateException("No actor signing key in the stack's data directory", e);
        }
    }

    synchronized String current() {
        long now = Instant.now().getEpochSecond();
        if (header == null || now >= renewAt) {
            header = sign(now);
            renewAt = now + 30;
        }
        return header;
    }

    private String sign(long now) {
        try {
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("sub", "bench.load");
            claims.put("agency", "prisons");
            claims.put("org", null);
            claims.put("roles", List.of("team-manager"));
            claims.put("client", "interlock-bench");
            claims.put("iat", now);
            claims.put("exp", now + 60);
            claims.put("jti", UUID.randomUUID().toString());
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String input = b64.encodeToString("{\"alg\":\"EdDSA\",\"typ\":\"interlock-actor+jwt\"}"
                    .getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(JSON.writeValueAsBytes(claims));
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(key);
            ed25519.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64.encodeToString(ed25519.sign());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot sign the bench's actor assertion", e);
        }
    }
}
