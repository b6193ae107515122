package org.interlock.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Who acts on the writes a bench sends straight to the prisons service, as the gateway would
 * assert it (X-Interlock-Actor): MACed with HMAC-SHA256 under the secret the stack made for
 * prisons (INTERLOCK_STACK_DIR/actor-secret-prisons, key id 1), addressed to prisons, in the form
 * libs/platform's ActorAssertion verifies, renewed well within its minute. Inline here because the
 * load generators run on the local stack's classpath, which has no libs/platform.
 */
final class BenchActor {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERVICE = "prisons";

    private final SecretKeySpec key;
    private volatile String header;
    private volatile long renewAt;

    BenchActor() {
        try {
            Path file = Path.of(System.getenv().getOrDefault("INTERLOCK_STACK_DIR", ".interlock/stack"),
                    "actor-secret-" + SERVICE);
            key = new SecretKeySpec(Base64.getDecoder().decode(Files.readString(file).trim()), "HmacSHA256");
        } catch (Exception e) {
            throw new IllegalStateException("No actor secret for " + SERVICE + " in the stack's data directory", e);
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
            claims.put("aud", SERVICE);
            claims.put("iat", now);
            claims.put("exp", now + 60);
            claims.put("jti", UUID.randomUUID().toString());
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String input = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"interlock-actor+jwt\",\"kid\":\"1\"}"
                    .getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(JSON.writeValueAsBytes(claims));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return input + "." + b64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot MAC the bench's actor assertion", e);
        }
    }
}
