package org.interlock.audit.record;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalEncodingTest {

    static final AuditRecord DISCLOSURE = AuditRecord.builder(Instant.parse("2026-11-26T16:16:00.123456789Z"),
                    new Actor("8d0c-olivia", "prisons", null, "interlock-cli", null),
                    Action.DISCLOSE_REST, Decision.permit("agreement"))
            .sequence(41)
            .resource(new Resource("licence-conditions", "lc-7", "urn:interlock:person:0b1e", "licence.conditions",
                    "official-sensitive"))
            .purpose("risk-management")
            .redactedFields(List.of("$.victimAddress", "$.exclusionZone.map"))
            .agreement("probation-to-prisons-2026")
            .policyVersion("2026.11.3")
            .requestId("req-1")
            .traceId("4bf92f3577b34da6a3ce929d0e0e4736")
            .build();

    /** The leaf bytes are a published format: this exact string must never change for version 1. */
    @Test
    void encodesAFullRecordAsSortedCompactJsonWithoutNulls() {
        String expected = "{\"action\":\"DISCLOSE_REST\","
                + "\"actor\":{\"agency\":\"prisons\",\"client\":\"interlock-cli\",\"subject\":\"8d0c-olivia\"},"
                + "\"agreement\":\"probation-to-prisons-2026\","
                + "\"decision\":{\"outcome\":\"PERMIT\",\"reason\":\"agreement\"},"
                + "\"policyVersion\":\"2026.11.3\",\"purpose\":\"risk-management\","
                + "\"redactedFields\":[\"$.victimAddress\",\"$.exclusionZone.map\"],"
                + "\"requestId\":\"req-1\","
                + "\"resource\":{\"category\":\"licence.conditions\",\"classification\":\"official-sensitive\","
                + "\"id\":\"lc-7\",\"person\":\"urn:interlock:person:0b1e\",\"type\":\"licence-conditions\"},"
                + "\"sequence\":41,\"time\":\"2026-11-26T16:16:00.123456Z\","
                + "\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"version\":1}";
        assertEquals(expected, new String(CanonicalEncoding.encode(DISCLOSURE), UTF_8));
    }

    /** SHA-256(0x00 || the bytes above), cross-checked with Python's hashlib outside this code base. */
    @Test
    void leafHashIsSha256OfZeroThenTheCanonicalBytes() {
        assertEquals("3aff1ab7f3054adcf646077974a5422477e1f488832c2f69ed0b260d34c4ca6e",
                CanonicalEncoding.leafHash(DISCLOSURE).toHex());
    }

    @Test
    void minimalRecordKeepsOnlyWhatIsSet() {
        AuditRecord denied = AuditRecord.builder(Instant.parse("2026-01-02T03:04:05Z"), new Actor(null, null, null,
                null, null), Action.DECIDE, Decision.deny("no-agreement")).sequence(0).build();
        assertEquals("{\"action\":\"DECIDE\",\"actor\":{},\"decision\":{\"outcome\":\"DENY\",\"reason\":\"no-agreement\"},"
                        + "\"sequence\":0,\"time\":\"2026-01-02T03:04:05.000000Z\",\"version\":1}",
                new String(CanonicalEncoding.encode(denied), UTF_8));
    }

    @Test
    void decodingTheEncodingGivesTheRecordBack() {
        byte[] bytes = CanonicalEncoding.encode(DISCLOSURE);
        AuditRecord decoded = CanonicalEncoding.decode(bytes);
        assertEquals(DISCLOSURE, decoded);
        assertArrayEquals(bytes, CanonicalEncoding.encode(decoded));
        assertTrue(CanonicalEncoding.isCanonical(bytes));
    }

    /** An auditor's verdict on a break-glass access is a record like any other: its bytes, and back. */
    @Test
    void aBreakGlassReviewVerdictEncodesAndDecodes() {
        AuditRecord verdict = AuditRecord.builder(Instant.parse("2026-11-29T10:00:00Z"),
                        new Actor("aud.auditor", "oversight", null, "interlock-cli", null),
                        Action.REVIEW_BREAK_GLASS, Decision.deny("unjustified"))
                .sequence(57)
                .resource(new Resource("break-glass-review", "41", "urn:interlock:person:0b1e", null, null))
                .purpose("audit")
                .build();
        byte[] bytes = CanonicalEncoding.encode(verdict);
        assertEquals("{\"action\":\"REVIEW_BREAK_GLASS\","
                + "\"actor\":{\"agency\":\"oversight\",\"client\":\"interlock-cli\",\"subject\":\"aud.auditor\"},"
                + "\"decision\":{\"outcome\":\"DENY\",\"reason\":\"unjustified\"},\"purpose\":\"audit\","
                + "\"resource\":{\"id\":\"41\",\"person\":\"urn:interlock:person:0b1e\",\"type\":\"break-glass-review\"},"
                + "\"sequence\":57,\"time\":\"2026-11-29T10:00:00.000000Z\",\"version\":1}", new String(bytes, UTF_8));
        assertEquals(verdict, CanonicalEncoding.decode(bytes));
        assertTrue(CanonicalEncoding.isCanonical(bytes));
    }

    @Test
    void stringsEscapeOnlyQuotesBackslashesAndControlCharacters() {
        Map<String, Object> json = Map.of("s", "a\"b\\c\b\t\n\f\r\u0000\u001f\u007f é ☃ \uD83D\uDE00 / \u2028");
        assertEquals("{\"s\":\"a\\\"b\\\\c\\b\\t\\n\\f\\r\\u0000\\u001f\u007f é ☃ \uD83D\uDE00 / \u2028\"}",
                new String(CanonicalJson.encode(json), UTF_8));
    }

    @Test
    void unpairedSurrogatesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.encode(Map.of("s", "x\uD800y")));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.encode(Map.of("s", "\uDC00")));
    }

    @Test
    void anUnsequencedRecordIsNotALeaf() {
        assertThrows(IllegalArgumentException.class,
                () -> CanonicalEncoding.encode(DISCLOSURE.withSequence(AuditRecord.UNSEQUENCED)));
    }

    @Test
    void reformattedOrReorderedJsonIsNotCanonical() {
        String canonical = new String(CanonicalEncoding.encode(DISCLOSURE), UTF_8);
        assertFalse(CanonicalEncoding.isCanonical(canonical.replace(",", ", ").getBytes(UTF_8)));
        assertFalse(CanonicalEncoding.isCanonical(canonical.replace("{\"action\":\"DISCLOSE_REST\",", "{")
                .replace("\"version\":1}", "\"version\":1,\"action\":\"DISCLOSE_REST\"}").getBytes(UTF_8)));
        assertFalse(CanonicalEncoding.isCanonical(canonical.replace(".123456Z", ".123456000Z").getBytes(UTF_8)));
    }

    @Test
    void decodeRefusesWhatIsNotARecordWithTheReason() {
        String canonical = new String(CanonicalEncoding.encode(DISCLOSURE), UTF_8);
        assertRefused("unknown member 'content'", canonical.replace("\"version\":1}", "\"content\":\"x\",\"version\":1}"));
        assertRefused("Duplicate field 'sequence'", canonical.replace("\"sequence\":41", "\"sequence\":41,\"sequence\":42"));
        assertRefused("version 2 is not 1", canonical.replace("\"version\":1", "\"version\":2"));
        assertRefused("sequence is not an integer", canonical.replace("\"sequence\":41", "\"sequence\":\"41\""));
        assertRefused("sequence -1 is not a leaf index", canonical.replace("\"sequence\":41", "\"sequence\":-1"));
        assertRefused("action 'READ'", canonical.replace("DISCLOSE_REST", "READ"));
        assertRefused("time is not UTC", canonical.replace(".123456Z", "+01:00"));
        assertRefused("lacks 'actor'", canonical.replaceFirst("\"actor\":\\{[^}]*},", ""));
        assertRefused("not JSON", canonical.substring(0, 40));
    }

    private static void assertRefused(String reason, String json) {
        MalformedRecordException refused = assertThrows(MalformedRecordException.class,
                () -> CanonicalEncoding.decode(json.getBytes(UTF_8)));
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }
}
