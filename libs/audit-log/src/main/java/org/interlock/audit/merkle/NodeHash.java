package org.interlock.audit.merkle;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A 32-byte SHA-256 value in the log's Merkle tree: a leaf hash, an interior node hash or a root hash
 * (RFC 9162 calls all three {@code NodeHash}). Immutable and equal by content, so proofs and tree heads
 * that hold it are values too; the bytes are copied in and out. In JSON it is its hex string, so the
 * proof records serialise as an HTTP API would return them.
 */
public final class NodeHash {

    /** Length in bytes of every hash in the tree (SHA-256). */
    public static final int SIZE = 32;

    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    private NodeHash(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A hash from its 32 bytes (copied). */
    public static NodeHash of(byte[] bytes) {
        if (bytes == null || bytes.length != SIZE) {
            throw new IllegalArgumentException("a node hash has " + SIZE + " bytes, got "
                    + (bytes == null ? "none" : bytes.length));
        }
        return new NodeHash(bytes.clone());
    }

    /** A hash from 64 hexadecimal digits, as exports and tree heads carry it. */
    @JsonCreator
    public static NodeHash fromHex(String hex) {
        if (hex == null || hex.length() != 2 * SIZE) {
            throw new IllegalArgumentException("a node hash is " + 2 * SIZE + " hexadecimal digits");
        }
        return new NodeHash(HEX.parseHex(hex));
    }

    /** Wraps a digest output without copying: only for arrays nobody else holds. */
    static NodeHash wrap(byte[] digest) {
        return new NodeHash(digest);
    }

    /** The bytes, not copied: for hashing inside this package only. */
    byte[] bytes() {
        return bytes;
    }

    /** A copy of the 32 bytes. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** Lowercase hexadecimal, 64 digits. */
    @JsonValue
    public String toHex() {
        return HEX.formatHex(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NodeHash that && Arrays.equals(bytes, that.bytes);
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
