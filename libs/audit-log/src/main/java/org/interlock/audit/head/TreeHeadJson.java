package org.interlock.audit.head;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.interlock.audit.merkle.NodeHash;
import org.interlock.audit.record.CanonicalJson;

/**
 * The published form of a signed tree head ({@code tree-head.json}), canonical JSON of:
 * <pre>
 * {"keyId":"&lt;64 hex&gt;","rootHash":"&lt;64 hex&gt;","signature":"&lt;128 hex&gt;",
 *  "timestamp":"2026-11-26T16:16:00.123Z","treeSize":1000,"version":1}
 * </pre>
 * The JSON is only a carrier: the signature is over {@link TreeHead#signedBytes()}, rebuilt from these
 * values, so a verifier never depends on how the JSON was formatted.
 */
public final class TreeHeadJson {

    private static final HexFormat HEX = HexFormat.of();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Set<String> MEMBERS = Set.of("keyId", "rootHash", "signature", "timestamp", "treeSize",
            "version");

    private TreeHeadJson() {
    }

    public static byte[] encode(SignedTreeHead signed) {
        TreeHead head = signed.head();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("keyId", head.keyId().toHex());
        json.put("rootHash", head.rootHash().toHex());
        json.put("signature", HEX.formatHex(signed.signature()));
        json.put("timestamp", TIME.format(head.timestamp()));
        json.put("treeSize", head.treeSize());
        json.put("version", TreeHead.VERSION);
        return CanonicalJson.encode(json);
    }

    /** Parses a signed tree head; refuses anything malformed with the reason. Does not check the signature. */
    public static SignedTreeHead decode(byte[] bytes) {
        JsonNode node;
        try {
            node = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("tree head is not JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("tree head is not a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!MEMBERS.contains(name)) {
                throw new IllegalArgumentException("tree head has an unknown member '" + name + "'");
            }
        }
        if (integer(node, "version") != TreeHead.VERSION) {
            throw new IllegalArgumentException("tree head version is not " + TreeHead.VERSION);
        }
        try {
            TreeHead head = new TreeHead(integer(node, "treeSize"), NodeHash.fromHex(text(node, "rootHash")),
                    Instant.from(TIME.parse(text(node, "timestamp"))), KeyId.fromHex(text(node, "keyId")));
            return new SignedTreeHead(head, HEX.parseHex(text(node, "signature")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("tree head is malformed: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("tree head lacks the string '" + name + "'");
        }
        return value.textValue();
    }

    private static long integer(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException("tree head lacks the integer '" + name + "'");
        }
        return value.longValue();
    }
}
