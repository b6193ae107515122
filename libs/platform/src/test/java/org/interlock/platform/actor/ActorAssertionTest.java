package org.interlock.platform.actor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class ActorAssertionTest {

    private static final KeyPair GATEWAY = ActorKeys.generate();
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    private static ActorAssertion peter() {
        return ActorAssertion.issue("peter.probation", "probation", null, List.of("probation-officer"), "interlock-cli",
                "req-1", NOW);
    }

    @Test
    void anAssertionSignedByTheGatewayVerifiesToTheSameActor() {
        ActorAssertion verified = ActorAssertion.verify(peter().sign(GATEWAY.getPrivate()), GATEWAY.getPublic(),
                NOW.plusSeconds(30));

        assertEquals(peter(), verified);
        assertEquals(NOW.plusSeconds(60), verified.expiresAt());
    }

    @Test
    void anOrganisationIsCarried() {
        ActorAssertion hana = ActorAssertion.issue("hana.horizon", "partners", "horizon-mentoring",
                List.of("partner-manager"), "interlock-cli", "req-2", NOW);

        assertEquals("horizon-mentoring",
                ActorAssertion.verify(hana.sign(GATEWAY.getPrivate()), GATEWAY.getPublic(), NOW).org());
    }

    @Test
    void anAssertionSignedWithAnotherKeyIsRefused() {
        String forged = peter().sign(ActorKeys.generate().getPrivate());

        assertRefused("X-Interlock-Actor is not signed by the gateway", forged, NOW);
    }

    @Test
    void anExpiredAssertionIsRefused() {
        assertRefused("X-Interlock-Actor has expired", peter().sign(GATEWAY.getPrivate()),
                NOW.plus(ActorAssertion.LIFETIME).plus(ActorAssertion.CLOCK_SKEW));
    }

    @Test
    void anAssertionIssuedInTheFutureIsRefused() {
        assertRefused("X-Interlock-Actor is issued in the future", peter().sign(GATEWAY.getPrivate()),
                NOW.minusSeconds(6));
    }

    @Test
    void anAssertionThatLivesLongerThanAMinuteIsRefused() {
        ActorAssertion longLived = new ActorAssertion("peter.probation", "probation", null, List.of(), "interlock-cli",
                NOW, NOW.plusSeconds(3600), "req-3");

        assertRefused("X-Interlock-Actor lives too long", longLived.sign(GATEWAY.getPrivate()), NOW);
    }

    @Test
    void changedClaimsNoLongerVerify() {
        String[] parts = peter().sign(GATEWAY.getPrivate()).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("peter.probation", "tara.probationlead");

        assertRefused("X-Interlock-Actor is not signed by the gateway", parts[0] + "." + encode(claims) + "." + parts[2], NOW);
    }

    @Test
    void anUnsignedAssertionIsRefused() {
        String[] parts = peter().sign(GATEWAY.getPrivate()).split("\\.");
        String none = encode("{\"alg\":\"none\",\"typ\":\"interlock-actor+jwt\"}");

        assertRefused("X-Interlock-Actor is not a compact JWS", none + "." + parts[1] + ".", NOW);
        assertRefused("X-Interlock-Actor is not signed with EdDSA", none + "." + parts[1] + "." + parts[2], NOW);
    }

    @Test
    void aTokenOfAnotherTypeIsRefusedEvenWhenSignedWithTheKey() {
        String[] parts = peter().sign(GATEWAY.getPrivate()).split("\\.");
        String jwt = encode("{\"alg\":\"EdDSA\",\"typ\":\"JWT\"}");

        assertRefused("X-Interlock-Actor is not typed interlock-actor+jwt", jwt + "." + parts[1] + "." + parts[2], NOW);
    }

    @Test
    void aHeaderThatPointsAtAnotherKeyIsRefused() {
        String[] parts = peter().sign(GATEWAY.getPrivate()).split("\\.");
        String jku = encode("{\"alg\":\"EdDSA\",\"typ\":\"interlock-actor+jwt\",\"jku\":\"https://evil.invalid/keys\"}");

        assertRefused("X-Interlock-Actor has a header parameter it may not have", jku + "." + parts[1] + "." + parts[2], NOW);
    }

    @Test
    void aMissingOrMalformedHeaderIsRefused() {
        assertRefused("no X-Interlock-Actor header", null, NOW);
        assertRefused("no X-Interlock-Actor header", " ", NOW);
        assertRefused("X-Interlock-Actor is not a compact JWS", "peter.probation", NOW);
        assertRefused("X-Interlock-Actor is not a compact JWS", "a.b.c.d", NOW);
        assertRefused("X-Interlock-Actor header is not JSON", "bm90IGpzb24.e30.AAAA", NOW);
    }

    @Test
    void keysAreReadFromBase64AndFromPem() {
        String base64 = ActorKeys.encode(GATEWAY.getPublic());
        String pem = "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";

        assertEquals(GATEWAY.getPublic(), ActorKeys.publicKey(base64));
        assertEquals(GATEWAY.getPublic(), ActorKeys.publicKey(pem));
        assertEquals(GATEWAY.getPrivate(), ActorKeys.privateKey(ActorKeys.encode(GATEWAY.getPrivate())));
        assertThrows(IllegalArgumentException.class, () -> ActorKeys.publicKey("not a key"));
    }

    private static void assertRefused(String reason, String header, Instant at) {
        InvalidActorAssertion refused = assertThrows(InvalidActorAssertion.class,
                () -> ActorAssertion.verify(header, GATEWAY.getPublic(), at));
        assertEquals(reason, refused.getMessage());
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
