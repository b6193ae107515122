package org.interlock.platform.actor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class ActorAssertionTest {

    private static final String SECRET = ActorKey.newSecret();
    /** The key the gateway shares with probation. */
    private static final ActorKey PROBATION = ActorKey.of("1", SECRET);
    private static final List<ActorKey> TRUSTED = List.of(PROBATION);
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final String CLAIMS = "{\"sub\":\"peter.probation\",\"agency\":\"probation\",\"org\":null,"
            + "\"roles\":[\"probation-officer\"],\"client\":\"interlock-cli\",\"aud\":\"probation\","
            + "\"iat\":1796551200,\"exp\":1796551260,\"jti\":\"req-1\"}";
    private static final String HEADER = "{\"alg\":\"HS256\",\"typ\":\"interlock-actor+jwt\",\"kid\":\"1\"}";

    private static ActorAssertion peter() {
        return ActorAssertion.issue("peter.probation", "probation", null, List.of("probation-officer"), "interlock-cli",
                "probation", "req-1", NOW);
    }

    @Test
    void anAssertionMacedByTheGatewayVerifiesToTheSameActor() {
        ActorAssertion verified = ActorAssertion.verify(peter().sign(PROBATION), TRUSTED, "probation",
                NOW.plusSeconds(30));

        assertEquals(peter(), verified);
        assertEquals(NOW.plusSeconds(60), verified.expiresAt());
    }

    @Test
    void theAssertionIsAStandardHs256Jws() {
        assertEquals(peter(), ActorAssertion.verify(jws(HEADER, CLAIMS), TRUSTED, "probation", NOW));
    }

    @Test
    void anOrganisationIsCarried() {
        ActorAssertion hana = ActorAssertion.issue("hana.horizon", "partners", "horizon-mentoring",
                List.of("partner-manager"), "interlock-cli", "partners", "req-2", NOW);

        assertEquals("horizon-mentoring", ActorAssertion.verify(hana.sign(PROBATION), TRUSTED, "partners", NOW).org());
    }

    @Test
    void anAssertionMacedWithAnotherSecretIsRefused() {
        String forged = peter().sign(ActorKey.of("1", ActorKey.newSecret()));

        assertRefused("X-Interlock-Actor is not signed by the gateway", forged, NOW);
    }

    @Test
    void anAssertionForAnotherServiceIsRefusedEvenUnderItsKey() {
        ActorAssertion forPrisons = ActorAssertion.issue("peter.probation", "probation", null, List.of(),
                "interlock-cli", "prisons", "req-1", NOW);

        assertRefused("X-Interlock-Actor is for another service", forPrisons.sign(PROBATION), NOW);
    }

    @Test
    void aKeyIdTheServiceDoesNotHoldIsRefused() {
        String rotated = peter().sign(ActorKey.of("2", SECRET));

        assertRefused("X-Interlock-Actor names a key this service does not hold", rotated, NOW);
        assertRefused("X-Interlock-Actor names no key",
                jws("{\"alg\":\"HS256\",\"typ\":\"interlock-actor+jwt\"}", CLAIMS), NOW);
    }

    @Test
    void duringARotationTheCurrentAndThePreviousKeyBothVerify() {
        ActorKey current = ActorKey.of("2", ActorKey.newSecret());
        List<ActorKey> both = List.of(current, PROBATION);

        assertEquals(peter(), ActorAssertion.verify(peter().sign(current), both, "probation", NOW));
        assertEquals(peter(), ActorAssertion.verify(peter().sign(PROBATION), both, "probation", NOW));
    }

    @Test
    void aServiceWithNoKeyRefusesEveryAssertion() {
        InvalidActorAssertion refused = assertThrows(InvalidActorAssertion.class,
                () -> ActorAssertion.verify(peter().sign(PROBATION), List.of(), "probation", NOW));

        assertEquals("this service holds no actor key: every write is refused", refused.getMessage());
    }

    @Test
    void anExpiredAssertionIsRefused() {
        assertRefused("X-Interlock-Actor has expired", peter().sign(PROBATION),
                NOW.plus(ActorAssertion.LIFETIME).plus(ActorAssertion.CLOCK_SKEW));
    }

    @Test
    void anAssertionIssuedInTheFutureIsRefused() {
        assertRefused("X-Interlock-Actor is issued in the future", peter().sign(PROBATION), NOW.minusSeconds(6));
    }

    @Test
    void anAssertionThatLivesLongerThanAMinuteIsRefused() {
        ActorAssertion longLived = new ActorAssertion("peter.probation", "probation", null, List.of(), "interlock-cli",
                "probation", NOW, NOW.plusSeconds(3600), "req-3");

        assertRefused("X-Interlock-Actor lives too long", longLived.sign(PROBATION), NOW);
    }

    @Test
    void changedClaimsNoLongerVerify() {
        String[] parts = peter().sign(PROBATION).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("peter.probation", "tara.probationlead");

        assertRefused("X-Interlock-Actor is not signed by the gateway", parts[0] + "." + encode(claims) + "." + parts[2],
                NOW);
    }

    @Test
    void aMacWithOneBitChangedIsRefused() {
        String[] parts = peter().sign(PROBATION).split("\\.");
        byte[] mac = Base64.getUrlDecoder().decode(parts[2]);
        mac[mac.length - 1] ^= 1;

        assertRefused("X-Interlock-Actor is not signed by the gateway",
                parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac), NOW);
    }

    @Test
    void anUnsignedAssertionIsRefused() {
        String none = encode("{\"alg\":\"none\",\"typ\":\"interlock-actor+jwt\",\"kid\":\"1\"}");

        assertRefused("X-Interlock-Actor is not a compact JWS", none + "." + encode(CLAIMS) + ".", NOW);
        assertRefused("X-Interlock-Actor is not signed with HS256", jws(
                "{\"alg\":\"none\",\"typ\":\"interlock-actor+jwt\",\"kid\":\"1\"}", CLAIMS), NOW);
    }

    @Test
    void anyAlgorithmButHs256IsRefusedEvenWithAValidMac() {
        for (String alg : List.of("EdDSA", "HS512", "HS384", "RS256", "hs256")) {
            assertRefused("X-Interlock-Actor is not signed with HS256",
                    jws("{\"alg\":\"" + alg + "\",\"typ\":\"interlock-actor+jwt\",\"kid\":\"1\"}", CLAIMS), NOW);
        }
    }

    @Test
    void aTokenOfAnotherTypeIsRefusedEvenWhenMacedWithTheKey() {
        assertRefused("X-Interlock-Actor is not typed interlock-actor+jwt",
                jws("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"1\"}", CLAIMS), NOW);
    }

    @Test
    void aHeaderThatPointsAtAnotherKeyIsRefused() {
        assertRefused("X-Interlock-Actor has a header parameter it may not have", jws(
                "{\"alg\":\"HS256\",\"typ\":\"interlock-actor+jwt\",\"kid\":\"1\",\"jku\":\"https://evil.invalid/keys\"}",
                CLAIMS), NOW);
    }

    @Test
    void anUnknownClaimIsRefused() {
        assertRefused("X-Interlock-Actor has an unknown claim",
                jws(HEADER, CLAIMS.replace("\"jti\"", "\"admin\":true,\"jti\"")), NOW);
    }

    @Test
    void aDuplicatedClaimIsRefused() {
        String twoSubjects = CLAIMS.replace("\"agency\"", "\"sub\":\"tara.probationlead\",\"agency\"");

        assertRefused("X-Interlock-Actor claims is not JSON", jws(HEADER, twoSubjects), NOW);
    }

    @Test
    void aDuplicatedHeaderParameterIsRefused() {
        String twoAlgorithms = "{\"alg\":\"HS256\",\"typ\":\"interlock-actor+jwt\",\"kid\":\"1\",\"alg\":\"none\"}";

        assertRefused("X-Interlock-Actor header is not JSON", jws(twoAlgorithms, CLAIMS), NOW);
    }

    @Test
    void anOversizedAssertionIsRefusedBeforeItIsParsed() {
        String oversized = jws(HEADER, CLAIMS.replace("\"req-1\"", "\"" + "r".repeat(4096) + "\""));

        assertRefused("X-Interlock-Actor is too long", oversized, NOW);
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
    void keysShorterThan256BitsOrNotBase64AreRefused() {
        String short31 = Base64.getEncoder().encodeToString(new byte[31]);

        assertEquals("The actor key 1 is shorter than 32 bytes",
                assertThrows(IllegalArgumentException.class, () -> ActorKey.of("1", short31)).getMessage());
        assertEquals("The actor key is not base64",
                assertThrows(IllegalArgumentException.class, () -> ActorKey.of("1", "not a key!")).getMessage());
        assertEquals("No actor key", assertThrows(IllegalArgumentException.class, () -> ActorKey.of("1", " ")).getMessage());
    }

    @Test
    void aKeyNeverShowsItsSecret() {
        assertEquals("ActorKey[1]", PROBATION.toString());
    }

    private static void assertRefused(String reason, String header, Instant at) {
        InvalidActorAssertion refused = assertThrows(InvalidActorAssertion.class,
                () -> ActorAssertion.verify(header, TRUSTED, "probation", at));
        assertEquals(reason, refused.getMessage());
    }

    /** A compact JWS MACed with the probation secret by the JDK alone, as any HS256 library would. */
    private static String jws(String header, String claims) {
        String input = encode(header) + "." + encode(claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET), "HmacSHA256"));
            return input + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
