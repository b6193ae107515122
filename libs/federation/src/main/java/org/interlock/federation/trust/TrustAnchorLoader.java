package org.interlock.federation.trust;

import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import javax.security.auth.x500.X500Principal;

import org.interlock.audit.head.Ed25519Keys;
import org.interlock.audit.head.KeyId;
import org.interlock.policy.loading.PolicyException;
import org.interlock.policy.loading.Scalar;
import org.interlock.policy.loading.YamlMapping;

/**
 * Reads the trust anchors file (YAML, or JSON, which is YAML too) the way the policy file is read: strict, unknown
 * keys refused, every complaint naming the file and line. A file in force is one whose every peer and key is
 * usable as written; an error keeps the anchors in force unchanged (the caller decides).
 *
 * <pre>
 * version: 1
 * peers:
 *   - id: nl
 *     gateway: https://federation.interlock.example.nl
 *     clientCertificateName: egress.interlock.example.nl   # optional; default the gateway's host
 *     clientCertificateIssuer: CN=Federation CA,O=Example,C=NL   # the CA that signs it (mutual TLS)
 *     keys:
 *       - publicKey: MCowBQYDK2VwAyEA...        # PEM, base64 SubjectPublicKeyInfo or raw 32 bytes
 *         keyId: 5d1c...                        # optional; if given, must be the key's id
 *         notBefore: 2026-01-01T00:00:00Z
 *         notAfter: 2027-01-01T00:00:00Z
 *         revoked: false                        # optional, default false
 * </pre>
 */
public final class TrustAnchorLoader {

    private static final Set<String> ROOT = Set.of("version", "peers");
    private static final Set<String> PEER = Set.of("id", "gateway", "clientCertificateName", "clientCertificateIssuer",
            "keys");
    private static final Set<String> KEY = Set.of("publicKey", "keyId", "notBefore", "notAfter", "revoked");
    private static final Pattern PEER_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    /** A DNS name (RFC 1123 labels), as a certificate's subjectAltName carries it; no wildcard. */
    private static final Pattern DNS_NAME = Pattern.compile(
            "(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    public TrustAnchors load(String file, Reader reader) throws PolicyException {
        YamlMapping root = YamlMapping.parse(file, reader);
        root.allowOnly(ROOT);
        Scalar version = root.text("version");
        if (!version.value().equals("1")) {
            throw root.error(version.line(), "unknown trust anchors version '" + version.value() + "' (expected 1)");
        }
        Map<String, Integer> peerLines = new HashMap<>();
        Map<KeyId, Integer> keyLines = new HashMap<>();
        List<Peer> peers = new ArrayList<>();
        for (YamlMapping entry : root.mappings("peers", "peer")) {
            peers.add(peer(entry, peerLines, keyLines));
        }
        return new TrustAnchors(peers);
    }

    private static Peer peer(YamlMapping entry, Map<String, Integer> peerLines, Map<KeyId, Integer> keyLines)
            throws PolicyException {
        entry.allowOnly(PEER);
        Scalar id = entry.text("id");
        if (!PEER_ID.matcher(id.value()).matches()) {
            throw entry.error(id.line(), "peer id '" + id.value() + "' must be lower-case letters, digits and dashes");
        }
        Integer first = peerLines.putIfAbsent(id.value(), id.line());
        if (first != null) {
            throw entry.error(id.line(), "duplicate peer '" + id.value() + "' (first anchored at line " + first + ")");
        }
        URI gateway = gateway(entry, entry.text("gateway"));
        List<AnchorKey> keys = new ArrayList<>();
        for (YamlMapping key : entry.mappings("keys", "key")) {
            keys.add(key(key, keyLines));
        }
        if (keys.isEmpty()) {
            throw entry.error(entry.line(), "peer '" + id.value() + "' needs at least one key under 'keys'");
        }
        return new Peer(id.value(), gateway, keys, clientCertificateName(entry, gateway), issuer(entry));
    }

    private static Optional<X500Principal> issuer(YamlMapping entry) throws PolicyException {
        if (!entry.has("clientCertificateIssuer")) {
            return Optional.empty();
        }
        Scalar issuer = entry.text("clientCertificateIssuer");
        try {
            return Optional.of(new X500Principal(issuer.value()));
        } catch (IllegalArgumentException e) {
            throw entry.error(issuer.line(), "clientCertificateIssuer '" + issuer.value()
                    + "' is not an X.500 name like CN=Federation CA,O=Example,C=NL");
        }
    }

    private static String clientCertificateName(YamlMapping entry, URI gateway) throws PolicyException {
        if (!entry.has("clientCertificateName")) {
            return gateway.getHost();
        }
        Scalar name = entry.text("clientCertificateName");
        if (name.value().length() > 253 || !DNS_NAME.matcher(name.value()).matches()) {
            throw entry.error(name.line(), "clientCertificateName '" + name.value()
                    + "' must be a DNS name (letters, digits, dashes and dots; no wildcard)");
        }
        return name.value();
    }

    /** HTTPS, except on the loopback interface where the local stack runs two deployments side by side. */
    private static URI gateway(YamlMapping entry, Scalar text) throws PolicyException {
        URI uri;
        try {
            uri = new URI(text.value());
        } catch (URISyntaxException e) {
            throw entry.error(text.line(), "gateway '" + text.value() + "' is not a URL");
        }
        boolean https = "https".equals(uri.getScheme());
        boolean localHttp = "http".equals(uri.getScheme()) && uri.getHost() != null && LOOPBACK.contains(uri.getHost());
        if (uri.getHost() == null || !(https || localHttp)) {
            throw entry.error(text.line(), "gateway '" + text.value()
                    + "' must be an https:// URL (http:// only on localhost)");
        }
        return uri;
    }

    private static AnchorKey key(YamlMapping entry, Map<KeyId, Integer> keyLines) throws PolicyException {
        entry.allowOnly(KEY);
        Scalar text = entry.text("publicKey");
        PublicKey publicKey;
        try {
            publicKey = Ed25519Keys.publicKey(text.value());
        } catch (IllegalArgumentException e) {
            throw entry.error(text.line(), "publicKey is not an Ed25519 public key: " + e.getMessage());
        }
        KeyId id = KeyId.of(publicKey);
        if (entry.has("keyId")) {
            Scalar written = entry.text("keyId");
            if (!written.value().equalsIgnoreCase(id.toHex())) {
                throw entry.error(written.line(), "keyId " + written.value() + " is not the id of this publicKey ("
                        + id.toHex() + ")");
            }
        }
        Integer first = keyLines.putIfAbsent(id, text.line());
        if (first != null) {
            throw entry.error(text.line(), "key " + id.toHex() + " is anchored twice (first at line " + first
                    + "): a key belongs to one peer");
        }
        Instant notBefore = instant(entry, entry.text("notBefore"));
        Scalar notAfterText = entry.text("notAfter");
        Instant notAfter = instant(entry, notAfterText);
        if (!notAfter.isAfter(notBefore)) {
            throw entry.error(notAfterText.line(), "notAfter must be later than notBefore");
        }
        return new AnchorKey(id, publicKey, notBefore, notAfter, revoked(entry));
    }

    private static boolean revoked(YamlMapping entry) throws PolicyException {
        if (!entry.has("revoked")) {
            return false;
        }
        Scalar value = entry.text("revoked");
        return switch (value.value()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw entry.error(value.line(), "revoked must be true or false, not '" + value.value() + "'");
        };
    }

    private static Instant instant(YamlMapping entry, Scalar value) throws PolicyException {
        try {
            return Instant.parse(value.value());
        } catch (DateTimeParseException e) {
            throw entry.error(value.line(), "'" + value.value() + "' is not an instant like 2026-01-01T00:00:00Z");
        }
    }
}
