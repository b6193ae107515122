package org.interlock.audit.head;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Names a log signing key: SHA-256 of the public key's X.509 SubjectPublicKeyInfo DER. Anyone holding the
 * published public key computes the same id, so a tree head says which key to check it with, and after
 * a rotation old heads still name the old key.
 */
public final class KeyId {

    private static final HexFormat HEX = HexFormat.of();
    private final byte[] bytes;

    private KeyId(byte[] bytes) {
        if (bytes.length != 32) {
            throw new IllegalArgumentException("a key id is 32 bytes, got " + bytes.length);
        }
        this.bytes = bytes;
    }

    /** The id of a public key. */
    public static KeyId of(PublicKey publicKey) {
        try {
            return new KeyId(MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /** A key id from its 64 hexadecimal digits. */
    @JsonCreator
    public static KeyId fromHex(String hex) {
        if (hex == null || hex.length() != 64) {
            throw new IllegalArgumentException("a key id is 64 hexadecimal digits");
        }
        return new KeyId(HEX.parseHex(hex));
    }

    /** A copy of the 32 bytes. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    @JsonValue
    public String toHex() {
        return HEX.formatHex(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyId that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
