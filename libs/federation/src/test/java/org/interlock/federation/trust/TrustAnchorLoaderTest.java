package org.interlock.federation.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.security.auth.x500.X500Principal;

import org.junit.jupiter.api.Test;

import org.interlock.audit.head.Ed25519Keys;
import org.interlock.audit.head.KeyId;
import org.interlock.policy.loading.PolicyException;

class TrustAnchorLoaderTest {

    private static final String FILE = "federation-peers.yaml";
    private static final KeyPair NL = Ed25519Keys.generate();
    private static final KeyPair BE = Ed25519Keys.generate();
    private static final List<String> TWO_PEERS = List.of(
            "version: 1",                                                          // 1
            "peers:",                                                              // 2
            "  - id: nl",                                                          // 3
            "    gateway: https://federation.nl.example",                          // 4
            "    keys:",                                                           // 5
            "      - publicKey: " + raw(NL),                                       // 6
            "        notBefore: 2026-01-01T00:00:00Z",                             // 7
            "        notAfter: 2027-01-01T00:00:00Z",                              // 8
            "  - id: be",                                                          // 9
            "    gateway: http://localhost:8543",                                  // 10
            "    keys:",                                                           // 11
            "      - publicKey: " + raw(BE),                                       // 12
            "        keyId: " + KeyId.of(BE.getPublic()).toHex(),                  // 13
            "        notBefore: 2026-01-01T00:00:00Z",                             // 14
            "        notAfter: 2027-01-01T00:00:00Z",                              // 15
            "        revoked: true");                                              // 16

    private static String raw(KeyPair key) {
        return Base64.getEncoder().encodeToString(key.getPublic().getEncoded());
    }

    private static TrustAnchors load(List<String> lines) throws PolicyException {
        return new TrustAnchorLoader().load(FILE, new StringReader(String.join("\n", lines) + "\n"));
    }

    private static List<String> replacing(int line, String text) {
        List<String> lines = new ArrayList<>(TWO_PEERS);
        lines.set(line - 1, text);
        return lines;
    }

    private static void assertFailsAt(int line, String problemStart, List<String> lines) {
        PolicyException e = assertThrows(PolicyException.class, () -> load(lines));
        assertEquals(FILE, e.file());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.problem().startsWith(problemStart), e.getMessage());
    }

    @Test
    void peersAndTheirKeysLoadWithIdsValidityAndRevocation() throws PolicyException {
        TrustAnchors anchors = load(TWO_PEERS);

        Peer nl = anchors.peer("nl").orElseThrow();
        assertEquals(URI.create("https://federation.nl.example"), nl.gateway());
        assertEquals(List.of(new AnchorKey(KeyId.of(NL.getPublic()), NL.getPublic(),
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"), false)), nl.keys());
        assertTrue(anchors.peer("be").orElseThrow().keys().get(0).revoked());
    }

    @Test
    void theSameAnchorsWrittenAsJsonLoad() throws PolicyException {
        String json = "{\"version\": 1, \"peers\": [{\"id\": \"nl\", \"gateway\": \"https://federation.nl.example\",\n"
                + " \"keys\": [{\"publicKey\": \"" + raw(NL) + "\", \"notBefore\": \"2026-01-01T00:00:00Z\",\n"
                + " \"notAfter\": \"2027-01-01T00:00:00Z\", \"revoked\": false}]}]}";

        TrustAnchors anchors = new TrustAnchorLoader().load("peers.json", new StringReader(json));

        assertEquals(List.of("nl"), anchors.peers().stream().map(Peer::id).toList());
    }

    @Test
    void aPeersClientCertificateNameIsItsGatewaysHostUnlessAnchored() throws PolicyException {
        assertEquals("federation.nl.example", load(TWO_PEERS).peer("nl").orElseThrow().clientCertificateName());

        List<String> named = new ArrayList<>(TWO_PEERS);
        named.add(4, "    clientCertificateName: Egress.NL.example");
        assertEquals("egress.nl.example", load(named).peer("nl").orElseThrow().clientCertificateName());
    }

    @Test
    void aPeersClientCertificateIssuerIsAnX500NameWhenAnchored() throws PolicyException {
        assertTrue(load(TWO_PEERS).peer("nl").orElseThrow().clientCertificateIssuer().isEmpty());

        List<String> pinned = new ArrayList<>(TWO_PEERS);
        pinned.add(4, "    clientCertificateIssuer: \"CN=NL Federation CA, O=Example, C=NL\"");
        assertEquals(Optional.of(new X500Principal("CN=NL Federation CA,O=Example,C=NL")),
                load(pinned).peer("nl").orElseThrow().clientCertificateIssuer());

        List<String> bad = new ArrayList<>(TWO_PEERS);
        bad.add(4, "    clientCertificateIssuer: not a name");
        assertFailsAt(5, "clientCertificateIssuer 'not a name' is not an X.500 name", bad);
    }

    @Test
    void aClientCertificateNameThatIsNotADnsNameIsRefused() {
        for (String name : List.of("*.nl.example", "nl example", "-nl.example", "nl..example")) {
            List<String> named = new ArrayList<>(TWO_PEERS);
            named.add(4, "    clientCertificateName: \"" + name + "\"");
            assertFailsAt(5, "clientCertificateName '" + name + "' must be a DNS name", named);
        }
    }

    @Test
    void anUnknownKeyIsRefusedAtItsLine() {
        assertFailsAt(7, "unknown key 'fingerprint'", replacing(7, "        fingerprint: abc"));
    }

    @Test
    void aPlainHttpGatewayElsewhereThanLocalhostIsRefused() {
        assertFailsAt(10, "gateway 'http://federation.be.example'",
                replacing(10, "    gateway: http://federation.be.example"));
    }

    @Test
    void somethingThatIsNotAnEd25519KeyIsRefused() {
        assertFailsAt(6, "publicKey is not an Ed25519 public key", replacing(6, "      - publicKey: bm90IGEga2V5"));
    }

    @Test
    void aKeyIdThatIsNotTheKeysIsRefused() {
        assertFailsAt(13, "keyId", replacing(13, "        keyId: " + KeyId.of(NL.getPublic()).toHex()));
    }

    @Test
    void aPeerAnchoredTwiceIsRefusedAtTheSecond() {
        assertFailsAt(9, "duplicate peer 'nl'", replacing(9, "  - id: nl"));
    }

    @Test
    void oneKeyForTwoPeersIsRefused() {
        List<String> lines = replacing(12, "      - publicKey: " + raw(NL));
        lines.set(12, "        keyId: " + KeyId.of(NL.getPublic()).toHex());

        assertFailsAt(12, "key " + KeyId.of(NL.getPublic()).toHex() + " is anchored twice", lines);
    }

    @Test
    void aValidityThatEndsBeforeItBeginsIsRefused() {
        assertFailsAt(8, "notAfter must be later", replacing(8, "        notAfter: 2025-01-01T00:00:00Z"));
    }

    @Test
    void aRevocationFlagOtherThanTrueOrFalseIsRefused() {
        assertFailsAt(16, "revoked must be true or false", replacing(16, "        revoked: yes"));
    }

    @Test
    void aPeerWithoutKeysIsRefused() {
        List<String> lines = new ArrayList<>(TWO_PEERS.subList(0, 4));
        lines.add("    keys: []");

        assertFailsAt(3, "peer 'nl' needs at least one key", lines);
    }

    @Test
    void anotherVersionIsRefused() {
        assertFailsAt(1, "unknown trust anchors version", replacing(1, "version: 2"));
    }
}
